// https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/storage_lvm
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface StorageLvmConfig extends cdktf.TerraformMetaArguments {
  /**
  * The content types that can be stored on this storage. Valid values: `backup` (VM backups), `images` (VM disk images), `import` (VM disk images for import), `iso` (ISO images), `rootdir` (container root directories), `snippets` (cloud-init, hook scripts, etc.), `vztmpl` (container templates).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/storage_lvm#content StorageLvm#content}
  */
  readonly content?: string[];
  /**
  * Whether the storage is disabled.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/storage_lvm#disable StorageLvm#disable}
  */
  readonly disable?: boolean | cdktf.IResolvable;
  /**
  * The unique identifier of the storage.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/storage_lvm#id StorageLvm#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id: string;
  /**
  * A list of nodes where this storage is available.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/storage_lvm#nodes StorageLvm#nodes}
  */
  readonly nodes?: string[];
  /**
  * Whether the storage is shared across all nodes.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/storage_lvm#shared StorageLvm#shared}
  */
  readonly shared?: boolean | cdktf.IResolvable;
  /**
  * The name of the volume group to use.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/storage_lvm#volume_group StorageLvm#volume_group}
  */
  readonly volumeGroup: string;
  /**
  * Whether to zero-out data when removing LVMs.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/storage_lvm#wipe_removed_volumes StorageLvm#wipe_removed_volumes}
  */
  readonly wipeRemovedVolumes?: boolean | cdktf.IResolvable;
}

/**
* Represents a {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/storage_lvm proxmox_storage_lvm}
*/
export class StorageLvm extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "proxmox_storage_lvm";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a StorageLvm resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the StorageLvm to import
  * @param importFromId The id of the existing StorageLvm that should be imported. Refer to the {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/storage_lvm#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the StorageLvm to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "proxmox_storage_lvm", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/storage_lvm proxmox_storage_lvm} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options StorageLvmConfig
  */
  public constructor(scope: Construct, id: string, config: StorageLvmConfig) {
    super(scope, id, {
      terraformResourceType: 'proxmox_storage_lvm',
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
    this._content = config.content;
    this._disable = config.disable;
    this._id = config.id;
    this._nodes = config.nodes;
    this._shared = config.shared;
    this._volumeGroup = config.volumeGroup;
    this._wipeRemovedVolumes = config.wipeRemovedVolumes;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // content - computed: true, optional: true, required: false
  private _content?: string[]; 
  public get content() {
    return cdktf.Fn.tolist(this.getListAttribute('content'));
  }
  public set content(value: string[]) {
    this._content = value;
  }
  public resetContent() {
    this._content = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get contentInput() {
    return this._content;
  }

  // disable - computed: true, optional: true, required: false
  private _disable?: boolean | cdktf.IResolvable; 
  public get disable() {
    return this.getBooleanAttribute('disable');
  }
  public set disable(value: boolean | cdktf.IResolvable) {
    this._disable = value;
  }
  public resetDisable() {
    this._disable = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get disableInput() {
    return this._disable;
  }

  // id - computed: false, optional: false, required: true
  private _id?: string; 
  public get id() {
    return this.getStringAttribute('id');
  }
  public set id(value: string) {
    this._id = value;
  }
  // Temporarily expose input value. Use with caution.
  public get idInput() {
    return this._id;
  }

  // nodes - computed: true, optional: true, required: false
  private _nodes?: string[]; 
  public get nodes() {
    return cdktf.Fn.tolist(this.getListAttribute('nodes'));
  }
  public set nodes(value: string[]) {
    this._nodes = value;
  }
  public resetNodes() {
    this._nodes = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nodesInput() {
    return this._nodes;
  }

  // shared - computed: true, optional: true, required: false
  private _shared?: boolean | cdktf.IResolvable; 
  public get shared() {
    return this.getBooleanAttribute('shared');
  }
  public set shared(value: boolean | cdktf.IResolvable) {
    this._shared = value;
  }
  public resetShared() {
    this._shared = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sharedInput() {
    return this._shared;
  }

  // volume_group - computed: false, optional: false, required: true
  private _volumeGroup?: string; 
  public get volumeGroup() {
    return this.getStringAttribute('volume_group');
  }
  public set volumeGroup(value: string) {
    this._volumeGroup = value;
  }
  // Temporarily expose input value. Use with caution.
  public get volumeGroupInput() {
    return this._volumeGroup;
  }

  // wipe_removed_volumes - computed: true, optional: true, required: false
  private _wipeRemovedVolumes?: boolean | cdktf.IResolvable; 
  public get wipeRemovedVolumes() {
    return this.getBooleanAttribute('wipe_removed_volumes');
  }
  public set wipeRemovedVolumes(value: boolean | cdktf.IResolvable) {
    this._wipeRemovedVolumes = value;
  }
  public resetWipeRemovedVolumes() {
    this._wipeRemovedVolumes = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get wipeRemovedVolumesInput() {
    return this._wipeRemovedVolumes;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      content: cdktf.listMapper(cdktf.stringToTerraform, false)(this._content),
      disable: cdktf.booleanToTerraform(this._disable),
      id: cdktf.stringToTerraform(this._id),
      nodes: cdktf.listMapper(cdktf.stringToTerraform, false)(this._nodes),
      shared: cdktf.booleanToTerraform(this._shared),
      volume_group: cdktf.stringToTerraform(this._volumeGroup),
      wipe_removed_volumes: cdktf.booleanToTerraform(this._wipeRemovedVolumes),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      content: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._content),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      disable: {
        value: cdktf.booleanToHclTerraform(this._disable),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      id: {
        value: cdktf.stringToHclTerraform(this._id),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      nodes: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._nodes),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      shared: {
        value: cdktf.booleanToHclTerraform(this._shared),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      volume_group: {
        value: cdktf.stringToHclTerraform(this._volumeGroup),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      wipe_removed_volumes: {
        value: cdktf.booleanToHclTerraform(this._wipeRemovedVolumes),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
