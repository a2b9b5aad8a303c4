import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ProxmoxConnection } from '../../constructs/proxmox/connection';
import { synthStack } from '../helpers/synth';

describe('ProxmoxConnection', () => {
  test('api-token (default): one provider, token from a sensitive variable, no secret in the JSON', () => {
    const { json, text } = synthStack((s) => { new ProxmoxConnection(s, 'Proxmox', { endpoint: 'https://pve:8006/' }); });
    expect(json.provider.proxmox).toHaveLength(1);
    const prov = json.provider.proxmox[0];
    expect(prov.api_token).toBe('terraform@pve!cdktf=${var.proxmox_api_token_secret}');
    expect(prov.insecure).toBe(false);
    expect(prov.password).toBeUndefined();
    expect(json.variable.proxmox_api_token_secret).toEqual(expect.objectContaining({ sensitive: true, type: 'string' }));
    expect(text).not.toMatch(/password/);
  });

  test('combined mode: token provider plus a root@pam alias with its own password variable', () => {
    let conn!: ProxmoxConnection;
    const { json } = synthStack((s) => {
      conn = new ProxmoxConnection(s, 'Proxmox', { authMode: 'api-token+root-password', apiTokenId: 'ops@pve!tf' });
    });
    expect(json.provider.proxmox).toHaveLength(2);
    const root = json.provider.proxmox.find((p: any) => p.alias === 'proxmox_root');
    expect(root).toEqual(expect.objectContaining({ username: 'root@pam', password: '${var.proxmox_root_password}' }));
    expect(json.variable.proxmox_root_password.sensitive).toBe(true);
    expect(conn.canSetKvmArguments).toBe(true);
    expect(conn.providerForKvmArguments(conn, 'x')).toBe(conn.rootProvider);
    expect(conn.providerForKvmArguments(conn, 'x')).not.toBe(conn.provider);
  });

  test('root-password mode: the one provider is root and can set kvm_arguments', () => {
    let conn!: ProxmoxConnection;
    const { json } = synthStack((s) => { conn = new ProxmoxConnection(s, 'Proxmox', { authMode: 'root-password' }); });
    expect(json.provider.proxmox).toEqual([expect.objectContaining({ username: 'root@pam', password: '${var.proxmox_root_password}' })]);
    expect(conn.rootProvider).toBe(conn.provider);
  });

  test('provider-environment: no variables, the provider reads PROXMOX_VE_* itself', () => {
    const { json } = synthStack((s) => { new ProxmoxConnection(s, 'Proxmox', { secretSource: 'provider-environment' }); });
    expect(json.variable).toBeUndefined();
    expect(json.provider.proxmox[0].api_token).toBeUndefined();
  });

  test('ssh: agent by default; a private key only through a sensitive variable; node addresses sorted', () => {
    const { json } = synthStack((s) => {
      new ProxmoxConnection(s, 'Proxmox', { ssh: { proxmoxNodeAddresses: { pve2: '10.0.0.3', pve1: '10.0.0.2' } } });
      new ProxmoxConnection(s, 'Other', { variablePrefix: 'other', ssh: { agent: false } });
    });
    const [a, b] = json.provider.proxmox;
    expect(a.ssh).toEqual({ agent: true, username: 'root', node: [{ name: 'pve1', address: '10.0.0.2' }, { name: 'pve2', address: '10.0.0.3' }] });
    expect(b.ssh).toEqual({ agent: false, username: 'root', private_key: '${var.other_ssh_private_key}' });
    expect(json.variable.other_ssh_private_key.sensitive).toBe(true);
  });

  test('token mode refuses kvm_arguments, naming the alternatives', () => {
    const { stack } = synthStack(() => undefined);
    const conn = new ProxmoxConnection(stack, 'Proxmox');
    const vm = new Construct(stack, 'Vm');
    expect(() => conn.providerForKvmArguments(vm, 'ignitionDelivery')).toThrow(
      /^test\/Vm: 'ignitionDelivery' must come with a connection that may set QEMU 'args' \(kvm_arguments\), which Proxmox only accepts from root@pam authenticated by password, got a connection in 'api-token' mode \(test\/Proxmox\)\. Either set authMode to 'api-token\+root-password'.*cloud-init drive/);
  });

  test.each([
    [{ authMode: 'token' as any }, "'authMode' must be one of 'api-token', 'root-password', 'api-token+root-password', got \"token\"."],
    [{ authMode: 'api-token+root-password' as const, secretSource: 'provider-environment' as const },
      "'secretSource' must be 'terraform-variables' when authMode is 'api-token+root-password', got \"provider-environment\"."],
    [{ apiTokenId: 'terraform@pve!x=1234' }, "'apiTokenId' must look like \"user@realm!tokenname\", got \"terraform@pve!x=1234\"."],
    [{ endpoint: 'http://pve:8006' }, "'endpoint' must be an https URL of the API like \"https://pve.example.com:8006/\", got \"http://pve:8006\"."],
    [{ variablePrefix: 'Prox-mox' }, "'variablePrefix' must be lower_snake_case, got \"Prox-mox\"."],
  ])('bad props %p', (props, message) => {
    const stack = new TerraformStack(Testing.app(), 'other');
    expect(() => new ProxmoxConnection(stack, 'Proxmox', props)).toThrow(message);
  });
});
