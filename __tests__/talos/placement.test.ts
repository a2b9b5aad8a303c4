import { pickProxmoxNode } from '../../constructs/talos/placement';

describe('pickProxmoxNode', () => {
  const hosts = ['pve1', 'pve2', 'pve3'];

  test('spreads nodes of a role over the hosts', () => {
    const load = new Map<string, number>();
    const picked = ['cp-1', 'cp-2', 'cp-3'].map((n) => {
      const h = pickProxmoxNode(n, hosts, load);
      load.set(h, (load.get(h) ?? 0) + 1);
      return h;
    });
    expect(new Set(picked).size).toBe(3);
  });

  test('depends on the name and the load, not on the order hosts are listed in', () => {
    const load = new Map([['pve1', 1], ['pve2', 1], ['pve3', 1]]);
    const a = pickProxmoxNode('worker-7', hosts, load);
    expect(pickProxmoxNode('worker-7', [...hosts].reverse(), load)).toBe(a);
    expect(pickProxmoxNode('worker-7', hosts, new Map([...load, [a, 2]]))).not.toBe(a);
  });

  test('a single host takes everything', () => {
    expect(pickProxmoxNode('x', ['atlas'], new Map([['atlas', 9]]))).toBe('atlas');
  });
});
