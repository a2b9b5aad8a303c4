// Where each stack of the homelab app keeps its Terraform state: a local file (one person, one machine) or
// PostgreSQL (a team: shared state with locking). Stacks are split the way they are deployed (images and
// templates apart from clusters), so every stack gets its own state: a file or a schema named after it.
import { PgBackend, PgBackendConfig, TerraformStack, Token } from 'cdktf';
import { Problems } from '../constructs/core/errors';
import { checkStateName, claimState, localBackendAt } from '../constructs/core/local-backend';

// The local backend is the library's (relativeLocalBackend): examples and users' apps need relocatable JSON too.
export { localStatePath } from '../constructs/core/local-backend';

/**
 * Where a stack's state lives.
 *
 * - `local`: a state file, by default `terraform.<stack>.tfstate` in the directory the app runs in (the file
 *   cdktf's own default backend uses). The JSON holds its path relative to the stack's working directory
 *   (`<outdir>/stacks/<stack>`, where `cdktf deploy` runs Terraform), never an absolute path of the machine
 *   that synthesized it: the same JSON works in any checkout. Every stack's directory is a sibling of the
 *   others, so the `terraform_remote_state` of a cross-stack reference, read from the consumer's directory,
 *   finds the producer's file with the same relative path.
 * - `pg`: Terraform's `pg` backend, one PostgreSQL schema per stack, with state locking. The connection
 *   string is never part of the configuration: see {@link configureBackend}.
 */
export type BackendConfig =
  | {
    readonly type: 'local';
    /**
     * Directory of the state files, one `<stackName>.tfstate` per stack. A relative path is taken from the
     * directory the app runs in and written relative to each stack's working directory; an absolute path is
     * written as given (a fixed place on every machine that runs the JSON).
     * @default - `terraform.<stack>.tfstate` in the directory the app runs in, the file of cdktf's default backend
     */
    readonly directory?: string;
  }
  | {
    readonly type: 'pg';
    /**
     * First part of each stack's schema name, `<schemaPrefix>_<stack name in lower_snake_case>`.
     * @default DEFAULT_PG_SCHEMA_PREFIX
     */
    readonly schemaPrefix?: string;
  };

/** Schema prefix of the `pg` backend when none is given: schemas `tfstate_<stack>`. */
export const DEFAULT_PG_SCHEMA_PREFIX = 'tfstate';

/** The environment variable Terraform's `pg` backend reads the connection string from. */
export const PG_CONN_STR_ENV = 'PG_CONN_STR';

/** PostgreSQL silently truncates longer identifiers (NAMEDATALEN - 1), which could merge two stacks' states. */
export const PG_MAX_IDENTIFIER_BYTES = 63;

const LOWER_SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** The schema holding `stackName`'s state: `<prefix>_<stackName>`, the stack name lowered and `_`-separated. */
export function pgSchemaName(stackName: string, schemaPrefix: string = DEFAULT_PG_SCHEMA_PREFIX): string {
  const stack = stackName.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `${schemaPrefix}_${stack}`;
}

/**
 * Sets the backend of `stack`, whose state is named `stackName` (a file name or a schema name).
 *
 * With `pg`, the synthesized JSON holds only `schema_name`: Terraform takes the connection string from
 * the `PG_CONN_STR` environment variable at `terraform init` (and for every `terraform_remote_state` that
 * cross-stack references generate), so no password reaches cdk.tf.json, `.terraform/`, or the state.
 * Instead of a full `PG_CONN_STR`, the standard libpq variables (`PGHOST`, `PGUSER`, `PGPASSWORD`, ...)
 * work too. `PG_SCHEMA_NAME` has no effect: the schema is always set here, one per stack.
 *
 * The database must exist; Terraform creates the schema, its `states` table and the
 * `public.global_states_id_seq` sequence at init, so the role needs CREATE on the database and on schema
 * `public` (PostgreSQL 15 and later no longer grant the latter to everyone), or an administrator creates
 * them and the stack is initialized with `skip_*_creation`.
 * Locks are session-level advisory locks: they go away with the Terraform process that holds them, so a
 * crashed run leaves no stale lock.
 *
 * @example
 *   // PG_CONN_STR=postgres://terraform@db.home.arpa/terraform?sslmode=verify-full cdktf deploy homelab-images
 *   configureBackend(stack, 'homelab-images', { type: 'pg' });
 *
 * @see https://developer.hashicorp.com/terraform/language/backend/pg
 */
export function configureBackend(stack: TerraformStack, stackName: string, cfg: BackendConfig): void {
  const p = new Problems(stack);
  if (cfg.type === 'pg') {
    const prefix = cfg.schemaPrefix ?? DEFAULT_PG_SCHEMA_PREFIX;
    // A backend block cannot use variables or references: Terraform needs it before evaluating anything.
    if (Token.isUnresolved(prefix)) {
      p.add('schemaPrefix', 'be a literal string (a backend cannot use variables or references)', prefix,
        'Write the prefix in the app.');
    } else {
      p.check(LOWER_SNAKE_CASE.test(prefix), 'schemaPrefix', 'be lower_snake_case (a-z, 0-9, single _, starting with a letter)',
        prefix, `Use e.g. ${JSON.stringify(DEFAULT_PG_SCHEMA_PREFIX)}.`);
    }
    checkStackName(p, stackName, /[a-z0-9]/i, 'contain a letter or digit');
    p.throwIfAny();
    const schemaName = pgSchemaName(stackName, prefix);
    p.check(Buffer.byteLength(schemaName) <= PG_MAX_IDENTIFIER_BYTES, 'schemaPrefix',
      `leave the schema name "<prefix>_<stack>" at most ${PG_MAX_IDENTIFIER_BYTES} bytes (PostgreSQL truncates longer names)`,
      schemaName, 'Use a shorter prefix or stack name.');
    p.throwIfAny();
    claimState(stack, `PostgreSQL schema ${schemaName}`, 'stackName');
    // cdktf types conn_str as required; Terraform does not (it falls back to PG_CONN_STR / libpq variables).
    // Left out, it is absent from the backend block and from the terraform_remote_state data sources that
    // PgBackend.getRemoteStateDataSource builds for cross-stack references (they spread the same config).
    new PgBackend(stack, { schemaName } as PgBackendConfig);
    return;
  }
  localBackendAt(stack, stackName, cfg.directory, 'stackName');
}

function checkStackName(p: Problems, stackName: string, rule: RegExp, ruleText: string): void {
  checkStateName(p, stackName, rule, ruleText, 'stackName');
}
