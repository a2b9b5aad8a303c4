// Side-effect import for app entry points, placed before any import of cdktf (imports load in order):
//   import './constructs/core/fast-start';
// Defers the parts of cdktf no stack here uses (see deferUnusedCdktfModules) and puts faster equivalents in place
// of two synthesis steps (see useFastSynthesis); synthesis output is unchanged.
import { deferUnusedCdktfModules, useFastSynthesis } from './synth-performance';

deferUnusedCdktfModules();
useFastSynthesis();
