// https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface BackupJobConfig extends cdktf.TerraformMetaArguments {
  /**
  * Whether to back up all known guests on the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#all BackupJob#all}
  */
  readonly all?: boolean | cdktf.IResolvable;
  /**
  * I/O bandwidth limit in KiB/s.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#bwlimit BackupJob#bwlimit}
  */
  readonly bwlimit?: number;
  /**
  * The compression algorithm (0, 1, gzip, lzo, or zstd).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#compress BackupJob#compress}
  */
  readonly compress?: string;
  /**
  * Whether the backup job is enabled.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#enabled BackupJob#enabled}
  */
  readonly enabled?: boolean | cdktf.IResolvable;
  /**
  * A list of paths to exclude from the backup.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#exclude_path BackupJob#exclude_path}
  */
  readonly excludePath?: string[];
  /**
  * Fleecing configuration for the backup job.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#fleecing BackupJob#fleecing}
  */
  readonly fleecing?: BackupJobFleecing;
  /**
  * The identifier of the backup job.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#id BackupJob#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id: string;
  /**
  * I/O priority (0-8).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#ionice BackupJob#ionice}
  */
  readonly ionice?: number;
  /**
  * Maximum wait time in minutes for the global lock.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#lockwait BackupJob#lockwait}
  */
  readonly lockwait?: number;
  /**
  * Email notification setting (always or failure).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#mailnotification BackupJob#mailnotification}
  */
  readonly mailnotification?: string;
  /**
  * A list of email addresses to send notifications to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#mailto BackupJob#mailto}
  */
  readonly mailto?: string[];
  /**
  * Deprecated: use prune_backups instead. Maximum number of backup files per guest.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#maxfiles BackupJob#maxfiles}
  */
  readonly maxfiles?: number;
  /**
  * The backup mode (snapshot, suspend, or stop).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#mode BackupJob#mode}
  */
  readonly mode?: string;
  /**
  * The cluster node name to limit the backup job to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#node BackupJob#node}
  */
  readonly nodeAttribute?: string;
  /**
  * Template for notes attached to the backup.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#notes_template BackupJob#notes_template}
  */
  readonly notesTemplate?: string;
  /**
  * PBS change detection mode (legacy, data, or metadata).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#pbs_change_detection_mode BackupJob#pbs_change_detection_mode}
  */
  readonly pbsChangeDetectionMode?: string;
  /**
  * Performance-related settings for the backup job.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#performance BackupJob#performance}
  */
  readonly performance?: BackupJobPerformance;
  /**
  * Number of pigz threads (0 disables, 1 uses single-threaded gzip).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#pigz BackupJob#pigz}
  */
  readonly pigz?: number;
  /**
  * Limit backup to guests in the specified pool.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#pool BackupJob#pool}
  */
  readonly pool?: string;
  /**
  * Whether the backup should be marked as protected.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#protected BackupJob#protected}
  */
  readonly protected?: boolean | cdktf.IResolvable;
  /**
  * Retention options as a map of keep policies (e.g. keep-last = "3", keep-weekly = "2").
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#prune_backups BackupJob#prune_backups}
  */
  readonly pruneBackups?: { [key: string]: string };
  /**
  * Whether to remove old backups if there are more than maxfiles.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#remove BackupJob#remove}
  */
  readonly remove?: boolean | cdktf.IResolvable;
  /**
  * Whether to repeat missed backup jobs as soon as possible.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#repeat_missed BackupJob#repeat_missed}
  */
  readonly repeatMissed?: boolean | cdktf.IResolvable;
  /**
  * Backup schedule in systemd calendar event format.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#schedule BackupJob#schedule}
  */
  readonly schedule: string;
  /**
  * Path to a script to execute before/after the backup job.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#script BackupJob#script}
  */
  readonly script?: string;
  /**
  * The scheduled start time (HH:MM).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#starttime BackupJob#starttime}
  */
  readonly starttime?: string;
  /**
  * Whether to exclude common temporary files from the backup.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#stdexcludes BackupJob#stdexcludes}
  */
  readonly stdexcludes?: boolean | cdktf.IResolvable;
  /**
  * Maximum wait time in minutes for a guest to stop.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#stopwait BackupJob#stopwait}
  */
  readonly stopwait?: number;
  /**
  * The storage identifier for the backup.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#storage BackupJob#storage}
  */
  readonly storage: string;
  /**
  * Path to the temporary directory for the backup job.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#tmpdir BackupJob#tmpdir}
  */
  readonly tmpdir?: string;
  /**
  * A list of guest VM/CT IDs to include in the backup job.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#vmid BackupJob#vmid}
  */
  readonly vmid?: string[];
  /**
  * Number of zstd threads (0 uses half of available cores).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#zstd BackupJob#zstd}
  */
  readonly zstd?: number;
}
export interface BackupJobFleecing {
  /**
  * Whether fleecing is enabled.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#enabled BackupJob#enabled}
  */
  readonly enabled?: boolean | cdktf.IResolvable;
  /**
  * The storage identifier for fleecing.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#storage BackupJob#storage}
  */
  readonly storage?: string;
}

export function backupJobFleecingToTerraform(struct?: BackupJobFleecing | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    enabled: cdktf.booleanToTerraform(struct!.enabled),
    storage: cdktf.stringToTerraform(struct!.storage),
  }
}


export function backupJobFleecingToHclTerraform(struct?: BackupJobFleecing | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    enabled: {
      value: cdktf.booleanToHclTerraform(struct!.enabled),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    storage: {
      value: cdktf.stringToHclTerraform(struct!.storage),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class BackupJobFleecingOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): BackupJobFleecing | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._enabled !== undefined) {
      hasAnyValues = true;
      internalValueResult.enabled = this._enabled;
    }
    if (this._storage !== undefined) {
      hasAnyValues = true;
      internalValueResult.storage = this._storage;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: BackupJobFleecing | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._enabled = undefined;
      this._storage = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._enabled = value.enabled;
      this._storage = value.storage;
    }
  }

  // enabled - computed: true, optional: true, required: false
  private _enabled?: boolean | cdktf.IResolvable; 
  public get enabled() {
    return this.getBooleanAttribute('enabled');
  }
  public set enabled(value: boolean | cdktf.IResolvable) {
    this._enabled = value;
  }
  public resetEnabled() {
    this._enabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enabledInput() {
    return this._enabled;
  }

  // storage - computed: false, optional: true, required: false
  private _storage?: string; 
  public get storage() {
    return this.getStringAttribute('storage');
  }
  public set storage(value: string) {
    this._storage = value;
  }
  public resetStorage() {
    this._storage = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get storageInput() {
    return this._storage;
  }
}
export interface BackupJobPerformance {
  /**
  * Maximum number of workers for parallel backup.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#max_workers BackupJob#max_workers}
  */
  readonly maxWorkers?: number;
  /**
  * Maximum number of entries for PBS catalog.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#pbs_entries_max BackupJob#pbs_entries_max}
  */
  readonly pbsEntriesMax?: number;
}

export function backupJobPerformanceToTerraform(struct?: BackupJobPerformance | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    max_workers: cdktf.numberToTerraform(struct!.maxWorkers),
    pbs_entries_max: cdktf.numberToTerraform(struct!.pbsEntriesMax),
  }
}


export function backupJobPerformanceToHclTerraform(struct?: BackupJobPerformance | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    max_workers: {
      value: cdktf.numberToHclTerraform(struct!.maxWorkers),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    pbs_entries_max: {
      value: cdktf.numberToHclTerraform(struct!.pbsEntriesMax),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class BackupJobPerformanceOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): BackupJobPerformance | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._maxWorkers !== undefined) {
      hasAnyValues = true;
      internalValueResult.maxWorkers = this._maxWorkers;
    }
    if (this._pbsEntriesMax !== undefined) {
      hasAnyValues = true;
      internalValueResult.pbsEntriesMax = this._pbsEntriesMax;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: BackupJobPerformance | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._maxWorkers = undefined;
      this._pbsEntriesMax = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._maxWorkers = value.maxWorkers;
      this._pbsEntriesMax = value.pbsEntriesMax;
    }
  }

  // max_workers - computed: false, optional: true, required: false
  private _maxWorkers?: number; 
  public get maxWorkers() {
    return this.getNumberAttribute('max_workers');
  }
  public set maxWorkers(value: number) {
    this._maxWorkers = value;
  }
  public resetMaxWorkers() {
    this._maxWorkers = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxWorkersInput() {
    return this._maxWorkers;
  }

  // pbs_entries_max - computed: false, optional: true, required: false
  private _pbsEntriesMax?: number; 
  public get pbsEntriesMax() {
    return this.getNumberAttribute('pbs_entries_max');
  }
  public set pbsEntriesMax(value: number) {
    this._pbsEntriesMax = value;
  }
  public resetPbsEntriesMax() {
    this._pbsEntriesMax = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pbsEntriesMaxInput() {
    return this._pbsEntriesMax;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job proxmox_backup_job}
*/
export class BackupJob extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "proxmox_backup_job";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a BackupJob resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the BackupJob to import
  * @param importFromId The id of the existing BackupJob that should be imported. Refer to the {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the BackupJob to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "proxmox_backup_job", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/bpg/proxmox/0.111.1/docs/resources/backup_job proxmox_backup_job} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options BackupJobConfig
  */
  public constructor(scope: Construct, id: string, config: BackupJobConfig) {
    super(scope, id, {
      terraformResourceType: 'proxmox_backup_job',
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
    this._all = config.all;
    this._bwlimit = config.bwlimit;
    this._compress = config.compress;
    this._enabled = config.enabled;
    this._excludePath = config.excludePath;
    this._fleecing.internalValue = config.fleecing;
    this._id = config.id;
    this._ionice = config.ionice;
    this._lockwait = config.lockwait;
    this._mailnotification = config.mailnotification;
    this._mailto = config.mailto;
    this._maxfiles = config.maxfiles;
    this._mode = config.mode;
    this._node = config.nodeAttribute;
    this._notesTemplate = config.notesTemplate;
    this._pbsChangeDetectionMode = config.pbsChangeDetectionMode;
    this._performance.internalValue = config.performance;
    this._pigz = config.pigz;
    this._pool = config.pool;
    this._protected = config.protected;
    this._pruneBackups = config.pruneBackups;
    this._remove = config.remove;
    this._repeatMissed = config.repeatMissed;
    this._schedule = config.schedule;
    this._script = config.script;
    this._starttime = config.starttime;
    this._stdexcludes = config.stdexcludes;
    this._stopwait = config.stopwait;
    this._storage = config.storage;
    this._tmpdir = config.tmpdir;
    this._vmid = config.vmid;
    this._zstd = config.zstd;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // all - computed: true, optional: true, required: false
  private _all?: boolean | cdktf.IResolvable; 
  public get all() {
    return this.getBooleanAttribute('all');
  }
  public set all(value: boolean | cdktf.IResolvable) {
    this._all = value;
  }
  public resetAll() {
    this._all = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get allInput() {
    return this._all;
  }

  // bwlimit - computed: true, optional: true, required: false
  private _bwlimit?: number; 
  public get bwlimit() {
    return this.getNumberAttribute('bwlimit');
  }
  public set bwlimit(value: number) {
    this._bwlimit = value;
  }
  public resetBwlimit() {
    this._bwlimit = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bwlimitInput() {
    return this._bwlimit;
  }

  // compress - computed: true, optional: true, required: false
  private _compress?: string; 
  public get compress() {
    return this.getStringAttribute('compress');
  }
  public set compress(value: string) {
    this._compress = value;
  }
  public resetCompress() {
    this._compress = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get compressInput() {
    return this._compress;
  }

  // enabled - computed: true, optional: true, required: false
  private _enabled?: boolean | cdktf.IResolvable; 
  public get enabled() {
    return this.getBooleanAttribute('enabled');
  }
  public set enabled(value: boolean | cdktf.IResolvable) {
    this._enabled = value;
  }
  public resetEnabled() {
    this._enabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enabledInput() {
    return this._enabled;
  }

  // exclude_path - computed: false, optional: true, required: false
  private _excludePath?: string[]; 
  public get excludePath() {
    return this.getListAttribute('exclude_path');
  }
  public set excludePath(value: string[]) {
    this._excludePath = value;
  }
  public resetExcludePath() {
    this._excludePath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get excludePathInput() {
    return this._excludePath;
  }

  // fleecing - computed: false, optional: true, required: false
  private _fleecing = new BackupJobFleecingOutputReference(this, "fleecing");
  public get fleecing() {
    return this._fleecing;
  }
  public putFleecing(value: BackupJobFleecing) {
    this._fleecing.internalValue = value;
  }
  public resetFleecing() {
    this._fleecing.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fleecingInput() {
    return this._fleecing.internalValue;
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

  // ionice - computed: true, optional: true, required: false
  private _ionice?: number; 
  public get ionice() {
    return this.getNumberAttribute('ionice');
  }
  public set ionice(value: number) {
    this._ionice = value;
  }
  public resetIonice() {
    this._ionice = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ioniceInput() {
    return this._ionice;
  }

  // lockwait - computed: false, optional: true, required: false
  private _lockwait?: number; 
  public get lockwait() {
    return this.getNumberAttribute('lockwait');
  }
  public set lockwait(value: number) {
    this._lockwait = value;
  }
  public resetLockwait() {
    this._lockwait = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get lockwaitInput() {
    return this._lockwait;
  }

  // mailnotification - computed: true, optional: true, required: false
  private _mailnotification?: string; 
  public get mailnotification() {
    return this.getStringAttribute('mailnotification');
  }
  public set mailnotification(value: string) {
    this._mailnotification = value;
  }
  public resetMailnotification() {
    this._mailnotification = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get mailnotificationInput() {
    return this._mailnotification;
  }

  // mailto - computed: false, optional: true, required: false
  private _mailto?: string[]; 
  public get mailto() {
    return this.getListAttribute('mailto');
  }
  public set mailto(value: string[]) {
    this._mailto = value;
  }
  public resetMailto() {
    this._mailto = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get mailtoInput() {
    return this._mailto;
  }

  // maxfiles - computed: false, optional: true, required: false
  private _maxfiles?: number; 
  public get maxfiles() {
    return this.getNumberAttribute('maxfiles');
  }
  public set maxfiles(value: number) {
    this._maxfiles = value;
  }
  public resetMaxfiles() {
    this._maxfiles = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxfilesInput() {
    return this._maxfiles;
  }

  // mode - computed: true, optional: true, required: false
  private _mode?: string; 
  public get mode() {
    return this.getStringAttribute('mode');
  }
  public set mode(value: string) {
    this._mode = value;
  }
  public resetMode() {
    this._mode = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get modeInput() {
    return this._mode;
  }

  // node - computed: false, optional: true, required: false
  private _node?: string; 
  public get nodeAttribute() {
    return this.getStringAttribute('node');
  }
  public set nodeAttribute(value: string) {
    this._node = value;
  }
  public resetNodeAttribute() {
    this._node = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nodeAttributeInput() {
    return this._node;
  }

  // notes_template - computed: false, optional: true, required: false
  private _notesTemplate?: string; 
  public get notesTemplate() {
    return this.getStringAttribute('notes_template');
  }
  public set notesTemplate(value: string) {
    this._notesTemplate = value;
  }
  public resetNotesTemplate() {
    this._notesTemplate = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get notesTemplateInput() {
    return this._notesTemplate;
  }

  // pbs_change_detection_mode - computed: false, optional: true, required: false
  private _pbsChangeDetectionMode?: string; 
  public get pbsChangeDetectionMode() {
    return this.getStringAttribute('pbs_change_detection_mode');
  }
  public set pbsChangeDetectionMode(value: string) {
    this._pbsChangeDetectionMode = value;
  }
  public resetPbsChangeDetectionMode() {
    this._pbsChangeDetectionMode = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pbsChangeDetectionModeInput() {
    return this._pbsChangeDetectionMode;
  }

  // performance - computed: false, optional: true, required: false
  private _performance = new BackupJobPerformanceOutputReference(this, "performance");
  public get performance() {
    return this._performance;
  }
  public putPerformance(value: BackupJobPerformance) {
    this._performance.internalValue = value;
  }
  public resetPerformance() {
    this._performance.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get performanceInput() {
    return this._performance.internalValue;
  }

  // pigz - computed: false, optional: true, required: false
  private _pigz?: number; 
  public get pigz() {
    return this.getNumberAttribute('pigz');
  }
  public set pigz(value: number) {
    this._pigz = value;
  }
  public resetPigz() {
    this._pigz = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pigzInput() {
    return this._pigz;
  }

  // pool - computed: false, optional: true, required: false
  private _pool?: string; 
  public get pool() {
    return this.getStringAttribute('pool');
  }
  public set pool(value: string) {
    this._pool = value;
  }
  public resetPool() {
    this._pool = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get poolInput() {
    return this._pool;
  }

  // protected - computed: true, optional: true, required: false
  private _protected?: boolean | cdktf.IResolvable; 
  public get protected() {
    return this.getBooleanAttribute('protected');
  }
  public set protected(value: boolean | cdktf.IResolvable) {
    this._protected = value;
  }
  public resetProtected() {
    this._protected = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get protectedInput() {
    return this._protected;
  }

  // prune_backups - computed: true, optional: true, required: false
  private _pruneBackups?: { [key: string]: string }; 
  public get pruneBackups() {
    return this.getStringMapAttribute('prune_backups');
  }
  public set pruneBackups(value: { [key: string]: string }) {
    this._pruneBackups = value;
  }
  public resetPruneBackups() {
    this._pruneBackups = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pruneBackupsInput() {
    return this._pruneBackups;
  }

  // remove - computed: true, optional: true, required: false
  private _remove?: boolean | cdktf.IResolvable; 
  public get remove() {
    return this.getBooleanAttribute('remove');
  }
  public set remove(value: boolean | cdktf.IResolvable) {
    this._remove = value;
  }
  public resetRemove() {
    this._remove = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get removeInput() {
    return this._remove;
  }

  // repeat_missed - computed: true, optional: true, required: false
  private _repeatMissed?: boolean | cdktf.IResolvable; 
  public get repeatMissed() {
    return this.getBooleanAttribute('repeat_missed');
  }
  public set repeatMissed(value: boolean | cdktf.IResolvable) {
    this._repeatMissed = value;
  }
  public resetRepeatMissed() {
    this._repeatMissed = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get repeatMissedInput() {
    return this._repeatMissed;
  }

  // schedule - computed: false, optional: false, required: true
  private _schedule?: string; 
  public get schedule() {
    return this.getStringAttribute('schedule');
  }
  public set schedule(value: string) {
    this._schedule = value;
  }
  // Temporarily expose input value. Use with caution.
  public get scheduleInput() {
    return this._schedule;
  }

  // script - computed: false, optional: true, required: false
  private _script?: string; 
  public get script() {
    return this.getStringAttribute('script');
  }
  public set script(value: string) {
    this._script = value;
  }
  public resetScript() {
    this._script = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get scriptInput() {
    return this._script;
  }

  // starttime - computed: false, optional: true, required: false
  private _starttime?: string; 
  public get starttime() {
    return this.getStringAttribute('starttime');
  }
  public set starttime(value: string) {
    this._starttime = value;
  }
  public resetStarttime() {
    this._starttime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get starttimeInput() {
    return this._starttime;
  }

  // stdexcludes - computed: true, optional: true, required: false
  private _stdexcludes?: boolean | cdktf.IResolvable; 
  public get stdexcludes() {
    return this.getBooleanAttribute('stdexcludes');
  }
  public set stdexcludes(value: boolean | cdktf.IResolvable) {
    this._stdexcludes = value;
  }
  public resetStdexcludes() {
    this._stdexcludes = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get stdexcludesInput() {
    return this._stdexcludes;
  }

  // stopwait - computed: false, optional: true, required: false
  private _stopwait?: number; 
  public get stopwait() {
    return this.getNumberAttribute('stopwait');
  }
  public set stopwait(value: number) {
    this._stopwait = value;
  }
  public resetStopwait() {
    this._stopwait = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get stopwaitInput() {
    return this._stopwait;
  }

  // storage - computed: false, optional: false, required: true
  private _storage?: string; 
  public get storage() {
    return this.getStringAttribute('storage');
  }
  public set storage(value: string) {
    this._storage = value;
  }
  // Temporarily expose input value. Use with caution.
  public get storageInput() {
    return this._storage;
  }

  // tmpdir - computed: false, optional: true, required: false
  private _tmpdir?: string; 
  public get tmpdir() {
    return this.getStringAttribute('tmpdir');
  }
  public set tmpdir(value: string) {
    this._tmpdir = value;
  }
  public resetTmpdir() {
    this._tmpdir = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tmpdirInput() {
    return this._tmpdir;
  }

  // vmid - computed: false, optional: true, required: false
  private _vmid?: string[]; 
  public get vmid() {
    return this.getListAttribute('vmid');
  }
  public set vmid(value: string[]) {
    this._vmid = value;
  }
  public resetVmid() {
    this._vmid = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get vmidInput() {
    return this._vmid;
  }

  // zstd - computed: false, optional: true, required: false
  private _zstd?: number; 
  public get zstd() {
    return this.getNumberAttribute('zstd');
  }
  public set zstd(value: number) {
    this._zstd = value;
  }
  public resetZstd() {
    this._zstd = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get zstdInput() {
    return this._zstd;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      all: cdktf.booleanToTerraform(this._all),
      bwlimit: cdktf.numberToTerraform(this._bwlimit),
      compress: cdktf.stringToTerraform(this._compress),
      enabled: cdktf.booleanToTerraform(this._enabled),
      exclude_path: cdktf.listMapper(cdktf.stringToTerraform, false)(this._excludePath),
      fleecing: backupJobFleecingToTerraform(this._fleecing.internalValue),
      id: cdktf.stringToTerraform(this._id),
      ionice: cdktf.numberToTerraform(this._ionice),
      lockwait: cdktf.numberToTerraform(this._lockwait),
      mailnotification: cdktf.stringToTerraform(this._mailnotification),
      mailto: cdktf.listMapper(cdktf.stringToTerraform, false)(this._mailto),
      maxfiles: cdktf.numberToTerraform(this._maxfiles),
      mode: cdktf.stringToTerraform(this._mode),
      node: cdktf.stringToTerraform(this._node),
      notes_template: cdktf.stringToTerraform(this._notesTemplate),
      pbs_change_detection_mode: cdktf.stringToTerraform(this._pbsChangeDetectionMode),
      performance: backupJobPerformanceToTerraform(this._performance.internalValue),
      pigz: cdktf.numberToTerraform(this._pigz),
      pool: cdktf.stringToTerraform(this._pool),
      protected: cdktf.booleanToTerraform(this._protected),
      prune_backups: cdktf.hashMapper(cdktf.stringToTerraform)(this._pruneBackups),
      remove: cdktf.booleanToTerraform(this._remove),
      repeat_missed: cdktf.booleanToTerraform(this._repeatMissed),
      schedule: cdktf.stringToTerraform(this._schedule),
      script: cdktf.stringToTerraform(this._script),
      starttime: cdktf.stringToTerraform(this._starttime),
      stdexcludes: cdktf.booleanToTerraform(this._stdexcludes),
      stopwait: cdktf.numberToTerraform(this._stopwait),
      storage: cdktf.stringToTerraform(this._storage),
      tmpdir: cdktf.stringToTerraform(this._tmpdir),
      vmid: cdktf.listMapper(cdktf.stringToTerraform, false)(this._vmid),
      zstd: cdktf.numberToTerraform(this._zstd),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      all: {
        value: cdktf.booleanToHclTerraform(this._all),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      bwlimit: {
        value: cdktf.numberToHclTerraform(this._bwlimit),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      compress: {
        value: cdktf.stringToHclTerraform(this._compress),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      enabled: {
        value: cdktf.booleanToHclTerraform(this._enabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      exclude_path: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._excludePath),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      fleecing: {
        value: backupJobFleecingToHclTerraform(this._fleecing.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "BackupJobFleecing",
      },
      id: {
        value: cdktf.stringToHclTerraform(this._id),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ionice: {
        value: cdktf.numberToHclTerraform(this._ionice),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      lockwait: {
        value: cdktf.numberToHclTerraform(this._lockwait),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      mailnotification: {
        value: cdktf.stringToHclTerraform(this._mailnotification),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      mailto: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._mailto),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      maxfiles: {
        value: cdktf.numberToHclTerraform(this._maxfiles),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      mode: {
        value: cdktf.stringToHclTerraform(this._mode),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      node: {
        value: cdktf.stringToHclTerraform(this._node),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      notes_template: {
        value: cdktf.stringToHclTerraform(this._notesTemplate),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      pbs_change_detection_mode: {
        value: cdktf.stringToHclTerraform(this._pbsChangeDetectionMode),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      performance: {
        value: backupJobPerformanceToHclTerraform(this._performance.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "BackupJobPerformance",
      },
      pigz: {
        value: cdktf.numberToHclTerraform(this._pigz),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      pool: {
        value: cdktf.stringToHclTerraform(this._pool),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      protected: {
        value: cdktf.booleanToHclTerraform(this._protected),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      prune_backups: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._pruneBackups),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      remove: {
        value: cdktf.booleanToHclTerraform(this._remove),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      repeat_missed: {
        value: cdktf.booleanToHclTerraform(this._repeatMissed),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      schedule: {
        value: cdktf.stringToHclTerraform(this._schedule),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      script: {
        value: cdktf.stringToHclTerraform(this._script),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      starttime: {
        value: cdktf.stringToHclTerraform(this._starttime),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      stdexcludes: {
        value: cdktf.booleanToHclTerraform(this._stdexcludes),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      stopwait: {
        value: cdktf.numberToHclTerraform(this._stopwait),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      storage: {
        value: cdktf.stringToHclTerraform(this._storage),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      tmpdir: {
        value: cdktf.stringToHclTerraform(this._tmpdir),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      vmid: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._vmid),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      zstd: {
        value: cdktf.numberToHclTerraform(this._zstd),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
