// The smallest cdktf app (one empty stack): `cdktf synth` of it measures the CLI's own overhead.
'use strict';
const { App, TerraformStack } = require('cdktf');
const app = new App();
new TerraformStack(app, 'empty');
app.synth();
