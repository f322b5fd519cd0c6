// A desktop or serve process in miniature: opens the workspace and lets the outbox send. The
// fault test kills it with SIGKILL at a random moment.
import { createCore } from '../../src/core';

const core = createCore({ dataDir: process.argv[2]!, autoBackup: false, polling: false });
process.send?.({ ready: true });
setInterval(() => void core, 1000);
