// Runs before every test file (jest `setupFiles`). Synthesis without cdktf's token creation stacks, as the apps
// run it (constructs/core/synth-performance.ts: same JSON, a fraction of the time). Set
// PROXMOX_CDKTF_TOKEN_TRACES=1 to keep the traces while debugging a token resolution error in a test.
import { skipTokenCreationStacks } from '../../constructs/core/synth-performance';

skipTokenCreationStacks();
