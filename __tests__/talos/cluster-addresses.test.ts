// The address contract between TalosCluster and TalosNode: the cluster checks a node's address, its subnet and
// gateway once, where the user gave them, and hands TalosNode a CheckedAddress (ip, prefix length, gateway);
// TalosNode neither glues nor parses "ip/prefix" again. Terraform tokens in the subnet, the gateway or the
// address synthesize, for META and cloud-init addressing.
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { parse } from 'yaml';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { TalosCluster } from '../../constructs/talos/talos-cluster';
import { TalosClusterProps } from '../../constructs/talos/talos-cluster-props';
import { CheckedAddress, TalosNetwork } from '../../constructs/talos/talos-network';
import { TalosNode } from '../../constructs/talos/talos-node';
import { resourcesOf, synthStack } from '../helpers/synth';

type Net = TalosClusterProps['network'];
const v = (s: TerraformStack, id: string): string => new TerraformVariable(s, id, { type: 'string' }).stringValue;

/** Synthesizes a one-node cluster; `net` and `address` may use variables of the stack. */
function synth(net: (s: TerraformStack) => Net, address: (s: TerraformStack) => string) {
  return synthStack((s) => {
    const c = new TalosCluster(s, 'Talos', {
      connection: new ProxmoxConnection(s, 'Proxmox'), clusterName: 'home', proxmoxNodes: ['atlas'], network: net(s),
    });
    c.addControlPlane('cp-1', { address: address(s) });
  });
}

/** The META key 10 value of the node's image (metal platform). */
function metaValue(json: any): any {
  const [[, schematic]] = resourcesOf(json, 'talos_image_factory_schematic');
  return parse(parse(schematic.schematic).customization.meta[0].value);
}

const SPLIT = '${element(split("/", var.subnet), 1)}';

describe('a token in the subnet, the gateway or the address synthesizes', () => {
  test.each<[string, (s: TerraformStack) => Net, (s: TerraformStack) => string, string, string]>([
    ['subnet', (s) => ({ subnet: v(s, 'subnet'), gateway: '10.0.0.1' }), () => '10.0.0.11', `10.0.0.11/${SPLIT}`, '10.0.0.1'],
    ['gateway', (s) => ({ subnet: '10.0.0.0/16', gateway: v(s, 'gw') }), () => '10.0.0.11', '10.0.0.11/16', '${var.gw}'],
    ['address', () => ({ subnet: '10.0.0.0/16', gateway: '10.0.0.1' }), (s) => v(s, 'addr'), '${var.addr}/16', '10.0.0.1'],
  ])('META addressing, token %s', (_what, net, address, cidr, gateway) => {
    const { json, text } = synth(net, address);
    const meta = metaValue(json);
    expect(meta.addresses[0].address).toBe(cidr);
    expect(meta.routes[0].gateway).toBe(gateway);
    expect(text).not.toMatch(/NaN|TfToken/);
  });

  test.each<[string, (s: TerraformStack) => Net, (s: TerraformStack) => string, object]>([
    ['subnet', (s) => ({ subnet: v(s, 'subnet'), gateway: '10.0.0.1', addressing: 'cloud-init' }), () => '10.0.0.11',
      { address: `10.0.0.11/${SPLIT}`, gateway: '10.0.0.1' }],
    ['gateway', (s) => ({ subnet: '10.0.0.0/16', gateway: v(s, 'gw'), addressing: 'cloud-init' }), () => '10.0.0.11',
      { address: '10.0.0.11/16', gateway: '${var.gw}' }],
    ['address', () => ({ subnet: '10.0.0.0/16', gateway: '10.0.0.1', addressing: 'cloud-init' }), (s) => v(s, 'addr'),
      { address: '${var.addr}/16', gateway: '10.0.0.1' }],
  ])('cloud-init addressing, token %s', (_what, net, address, ipv4) => {
    const { json, text } = synth(net, address);
    const [[, vm]] = resourcesOf(json, 'proxmox_virtual_environment_vm');
    expect(vm.initialization.ip_config).toEqual([{ ipv4 }]);
    expect(text).not.toMatch(/NaN|TfToken/);
  });

  test('the config apply and the node\'s ipv4Address keep the bare address', () => {
    let node: any;
    const { json } = synthStack((s) => {
      const c = new TalosCluster(s, 'Talos', {
        connection: new ProxmoxConnection(s, 'Proxmox'), clusterName: 'home', proxmoxNodes: ['atlas'],
        network: { subnet: v(s, 'subnet'), gateway: '10.0.0.1' },
      });
      node = c.addControlPlane('cp-1', { address: '10.0.0.11' });
    });
    expect(node.ipv4Address).toBe('10.0.0.11');
    const [[, apply]] = resourcesOf(json, 'talos_machine_configuration_apply');
    expect(apply).toEqual(expect.objectContaining({ node: '10.0.0.11', endpoint: '10.0.0.11' }));
  });
});

describe('checked once, where the user gave it', () => {
  const literal = (): Net => ({ subnet: '10.0.0.0/16', gateway: '10.0.0.1' });
  test('the network address is refused, naming the prop the user set', () => {
    expect(() => synth(literal, () => '10.0.0.0')).toThrow(
      "test/Talos: 'addControlPlane(\"cp-1\").address' must be a host address, not the network address, got \"10.0.0.0\".");
  });

  test('no resolvers is refused at the cluster', () => {
    expect(() => synth(() => ({ ...literal(), nameservers: [] }), () => '10.0.0.11')).toThrow(
      "test/Talos: 'network.nameservers' must name at least one resolver, got [].");
  });

  test('CheckedAddress: the prefix length from a literal subnet, a Terraform expression from a token', () => {
    expect(CheckedAddress.inSubnet('10.0.0.11', '10.0.0.0/16', '10.0.0.1').staticAddress)
      .toEqual({ address: '10.0.0.11/16', gateway: '10.0.0.1', nameservers: undefined });
    const { json } = synthStack((s) => {
      const checked = CheckedAddress.inSubnet('10.0.0.11', v(s, 'subnet'), '10.0.0.1');
      new TerraformOutput(s, 'prefix', { value: checked.prefixLength });
      expect(TalosNetwork.meta(checked).ipAddress).toBe('10.0.0.11');
    });
    expect(json.output.prefix.value).toBe(SPLIT);
  });

  test('a StaticAddress given to TalosNetwork by hand is still checked by TalosNode', () => {
    expect(() => synthStack((s) => {
      new TalosNode(s, 'lone', { connection: new ProxmoxConnection(s, 'Proxmox'), proxmoxNode: 'atlas', network: TalosNetwork.meta({ address: '10.0.0.12/NaN', gateway: '10.0.0.1' }) });
    })).toThrow(/^test\/lone: 'network\.address' must be an address with prefix length like "10\.0\.0\.11\/24", got "10\.0\.0\.12\/NaN"/);
  });
});
