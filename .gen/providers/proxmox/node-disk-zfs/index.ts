// https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface NodeDiskZfsConfig extends cdktf.TerraformMetaArguments {
  /**
  * Configure a Proxmox storage entry using this zpool after creation. Applied at create time only.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs#add_storage NodeDiskZfs#add_storage}
  */
  readonly addStorage?: boolean | cdktf.IResolvable;
  /**
  * Pool sector size exponent (2^ashift bytes). Defaults to `12` (4 KiB sectors) server-side.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs#ashift NodeDiskZfs#ashift}
  */
  readonly ashift?: number;
  /**
  * On destroy, mark associated Proxmox storage entries as unavailable (or remove them if configured for this node only). Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs#cleanup_config NodeDiskZfs#cleanup_config}
  */
  readonly cleanupConfig?: boolean | cdktf.IResolvable;
  /**
  * On destroy, wipe the ZFS member partitions so they can be reused. Defaults to `false`. Note: Proxmox wipes the partition contents but leaves the parent disk's GPT partition table intact. If you plan to reuse the same device immediately, run `wipefs -a <disk>` and `partprobe <disk>` on the node after destroy.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs#cleanup_disks NodeDiskZfs#cleanup_disks}
  */
  readonly cleanupDisks?: boolean | cdktf.IResolvable;
  /**
  * The compression algorithm for the pool. One of `on`, `off`, `gzip`, `lz4`, `lzjb`, `zle`, `zstd`. Defaults to `on` server-side.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs#compression NodeDiskZfs#compression}
  */
  readonly compression?: string;
  /**
  * The block devices to use for the ZFS pool (e.g. `["/dev/sdb", "/dev/sdc"]`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs#devices NodeDiskZfs#devices}
  */
  readonly devices: string[];
  /**
  * dRAID configuration. Required when `raidlevel` is `draid`, `draid2`, or `draid3`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs#draid_config NodeDiskZfs#draid_config}
  */
  readonly draidConfig?: NodeDiskZfsDraidConfig;
  /**
  * The name of the ZFS pool (storage identifier).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs#name NodeDiskZfs#name}
  */
  readonly name: string;
  /**
  * The name of the Proxmox node on which to create the ZFS pool.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs#node_name NodeDiskZfs#node_name}
  */
  readonly nodeName: string;
  /**
  * The RAID level for the ZFS pool. One of `single`, `mirror`, `raid10`, `raidz`, `raidz2`, `raidz3`, `draid`, `draid2`, `draid3`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs#raidlevel NodeDiskZfs#raidlevel}
  */
  readonly raidlevel: string;
}
export interface NodeDiskZfsDraidConfig {
  /**
  * Number of data devices per redundancy group.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs#data NodeDiskZfs#data}
  */
  readonly data: number;
  /**
  * Number of dRAID distributed spare devices.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs#spares NodeDiskZfs#spares}
  */
  readonly spares: number;
}

export function nodeDiskZfsDraidConfigToTerraform(struct?: NodeDiskZfsDraidConfig | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    data: cdktf.numberToTerraform(struct!.data),
    spares: cdktf.numberToTerraform(struct!.spares),
  }
}


export function nodeDiskZfsDraidConfigToHclTerraform(struct?: NodeDiskZfsDraidConfig | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    data: {
      value: cdktf.numberToHclTerraform(struct!.data),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    spares: {
      value: cdktf.numberToHclTerraform(struct!.spares),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class NodeDiskZfsDraidConfigOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): NodeDiskZfsDraidConfig | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._data !== undefined) {
      hasAnyValues = true;
      internalValueResult.data = this._data;
    }
    if (this._spares !== undefined) {
      hasAnyValues = true;
      internalValueResult.spares = this._spares;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: NodeDiskZfsDraidConfig | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._data = undefined;
      this._spares = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._data = value.data;
      this._spares = value.spares;
    }
  }

  // data - computed: false, optional: false, required: true
  private _data?: number; 
  public get data() {
    return this.getNumberAttribute('data');
  }
  public set data(value: number) {
    this._data = value;
  }
  // Temporarily expose input value. Use with caution.
  public get dataInput() {
    return this._data;
  }

  // spares - computed: false, optional: false, required: true
  private _spares?: number; 
  public get spares() {
    return this.getNumberAttribute('spares');
  }
  public set spares(value: number) {
    this._spares = value;
  }
  // Temporarily expose input value. Use with caution.
  public get sparesInput() {
    return this._spares;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs proxmox_node_disk_zfs}
*/
export class NodeDiskZfs extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "proxmox_node_disk_zfs";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a NodeDiskZfs resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the NodeDiskZfs to import
  * @param importFromId The id of the existing NodeDiskZfs that should be imported. Refer to the {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the NodeDiskZfs to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "proxmox_node_disk_zfs", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/node_disk_zfs proxmox_node_disk_zfs} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options NodeDiskZfsConfig
  */
  public constructor(scope: Construct, id: string, config: NodeDiskZfsConfig) {
    super(scope, id, {
      terraformResourceType: 'proxmox_node_disk_zfs',
      terraformGeneratorMetadata: {
        providerName: 'proxmox',
        providerVersion: '0.111.1',
        providerVersionConstraint: '0.111.1'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._addStorage = config.addStorage;
    this._ashift = config.ashift;
    this._cleanupConfig = config.cleanupConfig;
    this._cleanupDisks = config.cleanupDisks;
    this._compression = config.compression;
    this._devices = config.devices;
    this._draidConfig.internalValue = config.draidConfig;
    this._name = config.name;
    this._nodeName = config.nodeName;
    this._raidlevel = config.raidlevel;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // add_storage - computed: false, optional: true, required: false
  private _addStorage?: boolean | cdktf.IResolvable; 
  public get addStorage() {
    return this.getBooleanAttribute('add_storage');
  }
  public set addStorage(value: boolean | cdktf.IResolvable) {
    this._addStorage = value;
  }
  public resetAddStorage() {
    this._addStorage = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get addStorageInput() {
    return this._addStorage;
  }

  // ashift - computed: false, optional: true, required: false
  private _ashift?: number; 
  public get ashift() {
    return this.getNumberAttribute('ashift');
  }
  public set ashift(value: number) {
    this._ashift = value;
  }
  public resetAshift() {
    this._ashift = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ashiftInput() {
    return this._ashift;
  }

  // cleanup_config - computed: true, optional: true, required: false
  private _cleanupConfig?: boolean | cdktf.IResolvable; 
  public get cleanupConfig() {
    return this.getBooleanAttribute('cleanup_config');
  }
  public set cleanupConfig(value: boolean | cdktf.IResolvable) {
    this._cleanupConfig = value;
  }
  public resetCleanupConfig() {
    this._cleanupConfig = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cleanupConfigInput() {
    return this._cleanupConfig;
  }

  // cleanup_disks - computed: true, optional: true, required: false
  private _cleanupDisks?: boolean | cdktf.IResolvable; 
  public get cleanupDisks() {
    return this.getBooleanAttribute('cleanup_disks');
  }
  public set cleanupDisks(value: boolean | cdktf.IResolvable) {
    this._cleanupDisks = value;
  }
  public resetCleanupDisks() {
    this._cleanupDisks = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cleanupDisksInput() {
    return this._cleanupDisks;
  }

  // compression - computed: false, optional: true, required: false
  private _compression?: string; 
  public get compression() {
    return this.getStringAttribute('compression');
  }
  public set compression(value: string) {
    this._compression = value;
  }
  public resetCompression() {
    this._compression = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get compressionInput() {
    return this._compression;
  }

  // devices - computed: false, optional: false, required: true
  private _devices?: string[]; 
  public get devices() {
    return this.getListAttribute('devices');
  }
  public set devices(value: string[]) {
    this._devices = value;
  }
  // Temporarily expose input value. Use with caution.
  public get devicesInput() {
    return this._devices;
  }

  // draid_config - computed: false, optional: true, required: false
  private _draidConfig = new NodeDiskZfsDraidConfigOutputReference(this, "draid_config");
  public get draidConfig() {
    return this._draidConfig;
  }
  public putDraidConfig(value: NodeDiskZfsDraidConfig) {
    this._draidConfig.internalValue = value;
  }
  public resetDraidConfig() {
    this._draidConfig.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get draidConfigInput() {
    return this._draidConfig.internalValue;
  }

  // errors - computed: true, optional: false, required: false
  public get errors() {
    return this.getStringAttribute('errors');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // node_name - computed: false, optional: false, required: true
  private _nodeName?: string; 
  public get nodeName() {
    return this.getStringAttribute('node_name');
  }
  public set nodeName(value: string) {
    this._nodeName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nodeNameInput() {
    return this._nodeName;
  }

  // raidlevel - computed: false, optional: false, required: true
  private _raidlevel?: string; 
  public get raidlevel() {
    return this.getStringAttribute('raidlevel');
  }
  public set raidlevel(value: string) {
    this._raidlevel = value;
  }
  // Temporarily expose input value. Use with caution.
  public get raidlevelInput() {
    return this._raidlevel;
  }

  // state - computed: true, optional: false, required: false
  public get state() {
    return this.getStringAttribute('state');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      add_storage: cdktf.booleanToTerraform(this._addStorage),
      ashift: cdktf.numberToTerraform(this._ashift),
      cleanup_config: cdktf.booleanToTerraform(this._cleanupConfig),
      cleanup_disks: cdktf.booleanToTerraform(this._cleanupDisks),
      compression: cdktf.stringToTerraform(this._compression),
      devices: cdktf.listMapper(cdktf.stringToTerraform, false)(this._devices),
      draid_config: nodeDiskZfsDraidConfigToTerraform(this._draidConfig.internalValue),
      name: cdktf.stringToTerraform(this._name),
      node_name: cdktf.stringToTerraform(this._nodeName),
      raidlevel: cdktf.stringToTerraform(this._raidlevel),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      add_storage: {
        value: cdktf.booleanToHclTerraform(this._addStorage),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      ashift: {
        value: cdktf.numberToHclTerraform(this._ashift),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      cleanup_config: {
        value: cdktf.booleanToHclTerraform(this._cleanupConfig),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      cleanup_disks: {
        value: cdktf.booleanToHclTerraform(this._cleanupDisks),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      compression: {
        value: cdktf.stringToHclTerraform(this._compression),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      devices: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._devices),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      draid_config: {
        value: nodeDiskZfsDraidConfigToHclTerraform(this._draidConfig.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "NodeDiskZfsDraidConfig",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      node_name: {
        value: cdktf.stringToHclTerraform(this._nodeName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      raidlevel: {
        value: cdktf.stringToHclTerraform(this._raidlevel),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
