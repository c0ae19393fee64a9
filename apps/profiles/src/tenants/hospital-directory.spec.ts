import { assignUnitIds, hospitalDirectoryIssues } from './hospital-directory';

describe('hospital directory', () => {
  it('accepts distinct ids and names, missing ids included', () => {
    expect(
      hospitalDirectoryIssues([
        {
          id: 'h1',
          name: 'North',
          departments: [{ id: 'd1', name: 'Cardiology' }, { name: 'Surgery' }],
        },
        { name: 'South', departments: [{ name: 'Cardiology' }] },
      ]),
    ).toEqual([]);
  });

  it('names each duplicate id, across hospitals and departments', () => {
    expect(
      hospitalDirectoryIssues([
        { id: 'x', name: 'North', departments: [{ id: 'x', name: 'Cardiology' }] },
        { id: 'h2', name: 'South', departments: [{ id: 'x', name: 'Surgery' }] },
      ]),
    ).toEqual([
      { path: [0, 'departments', 0, 'id'], message: 'duplicate id x' },
      { path: [1, 'departments', 0, 'id'], message: 'duplicate id x' },
    ]);
  });

  it('refuses sibling names that differ only in case or spacing', () => {
    expect(
      hospitalDirectoryIssues([
        { name: 'North', departments: [{ name: 'Cardiology' }, { name: ' cardiology' }] },
        { name: 'NORTH', departments: [] },
      ]),
    ).toEqual([
      {
        path: [0, 'departments', 1, 'name'],
        message: 'another department of this hospital has this name',
      },
      { path: [1, 'name'], message: 'another hospital has this name' },
    ]);
  });

  it('keeps given ids and assigns new ones', () => {
    let n = 0;
    const result = assignUnitIds(
      [
        { id: 'h1', name: 'North', departments: [{ name: 'Cardiology' }] },
        { name: 'South', departments: [] },
      ],
      () => `new${++n}`,
    );
    expect(result).toEqual([
      { id: 'h1', name: 'North', departments: [{ id: 'new1', name: 'Cardiology' }] },
      { id: 'new2', name: 'South', departments: [] },
    ]);
  });
});
