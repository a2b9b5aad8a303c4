import * as path from 'path';

/**
 * cdktf 0.21's `TerraformStack.prepareStack()` calls every element's `toTerraform()` and resolves it in a
 * "preparing" run whose result it drops (terraform-stack.js). The run exists for one purpose, which its own comment
 * names: cross-stack references. The only token that acts on `context.preparing` is `Reference.resolve`
 * (tfExpression.js), and it acts only when the referenced resource's stack differs from the stack being resolved;
 * it then adds an output to the one stack and a remote state to the other. In an app with a single stack no
 * reference can cross stacks, so the run changes nothing: the stack's own `toTerraform()` later resolves every
 * element again, with the same producers. Measured with `npm run bench`, the run is about a fifth of a
 * 2000-node cluster's synthesis and a tenth of its peak memory.
 *
 * {@link skipLoneStackPreparingRun} makes `prepareStack()` of a stack that is its app's only stack do just the rest of
 * its work (make sure a backend exists). Apps with several stacks keep cdktf's run for every stack.
 * @see https://github.com/hashicorp/terraform-cdk/blob/v0.21.0/packages/cdktf/lib/terraform-stack.ts
 * @see https://github.com/hashicorp/terraform-cdk/blob/v0.21.0/packages/cdktf/lib/tfExpression.ts
 */
export function skipLoneStackPreparingRun(cdktfDir: string): boolean {
  type Stack = { ensureBackendExists?: () => void; node: { root: { node: { findAll(): unknown[] } } } };
  let stackClass: { prototype: { prepareStack?: () => void; loneStackSkip?: boolean }; isStack(x: unknown): boolean };
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    stackClass = require(path.join(cdktfDir, 'lib', 'terraform-stack.js')).TerraformStack;
  } catch {
    return false; // another cdktf layout: leave it alone
  }
  const proto = stackClass?.prototype;
  const prepare = proto?.prepareStack;
  if (typeof prepare !== 'function' || typeof stackClass.isStack !== 'function' || proto.loneStackSkip) return false;
  proto.prepareStack = function prepareStack(this: Stack): void {
    if (typeof this.ensureBackendExists === 'function' && stacksInApp(this) === 1) {
      this.ensureBackendExists();
      return;
    }
    prepare.call(this);
  };
  proto.loneStackSkip = true;
  return true;

  function stacksInApp(stack: Stack): number {
    let n = 0;
    for (const c of stack.node.root.node.findAll()) if (stackClass.isStack(c)) n++;
    return n;
  }
}
