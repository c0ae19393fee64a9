import { exportLines, seconds } from './output';

describe('exportLines', () => {
  it('single-quotes values so shells do not glob `?` or split on spaces', () => {
    expect(exportLines({ MONGODB_URI: 'mongodb://127.0.0.1:27117/?directConnection=true', X: "it's" })).toEqual([
      "export MONGODB_URI='mongodb://127.0.0.1:27117/?directConnection=true'",
      "export X='it'\\''s'",
    ]);
  });

  it('formats durations in seconds', () => {
    expect(seconds(1234)).toBe('1.2 s');
  });
});
