// Side-effect import for app entry points, placed before any import of cdktf (imports load in order):
//   import './constructs/core/fast-start';
// Defers the parts of cdktf no stack here uses (see deferUnusedCdktfModules); synthesis output is unchanged.
import { deferUnusedCdktfModules } from './synth-performance';

deferUnusedCdktfModules();
