import { MinCostFlow } from './min-cost-flow';

describe('MinCostFlow', () => {
  it('reroutes earlier units when a later one needs their arc', () => {
    // s1 and s2 both prefer x; only s1 can use y. Cheapest for two units: s1 -> y, s2 -> x.
    const [s1, s2, x, y, t] = [0, 1, 2, 3, 4];
    const flow = new MinCostFlow(5);
    const s1x = flow.addArc(s1, x, 1, -10);
    const s1y = flow.addArc(s1, y, 1, -9);
    const s2x = flow.addArc(s2, x, 1, -10);
    flow.addArc(x, t, 1, 0);
    flow.addArc(y, t, 1, 0);
    flow.prepare();
    expect(flow.augment(s1, t)).toBe(-10);
    expect(flow.augment(s2, t)).toBe(-9); // s2 takes x, s1 moves to y: -10 + 10 - 9
    expect([flow.flow(s1x), flow.flow(s1y), flow.flow(s2x)]).toEqual([0, 1, 1]);
    expect(flow.certificateViolation()).toBeUndefined();
    expect(flow.augment(s1, t)).toBeUndefined(); // no capacity left
  });

  it('refuses a network with a negative cycle', () => {
    const flow = new MinCostFlow(2);
    flow.addArc(0, 1, 1, -1);
    flow.addArc(1, 0, 1, -1);
    expect(() => flow.prepare()).toThrow('negative cycle');
  });
});
