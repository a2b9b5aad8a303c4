// Jest global teardown: removes the run's directory of shared test results (made by scripts/jest-global-setup.js).
'use strict';
const fs = require('fs');

module.exports = async () => {
  const dir = process.env.PROXMOX_TEST_SHARED_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};
