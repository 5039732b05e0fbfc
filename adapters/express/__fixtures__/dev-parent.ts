// Started as a child process by dev.test.ts: a carve dev session whose parent is then killed, to see its units go too.
import { startDev } from 'carve/express/dev';

const session = await startDev([{ name: 'only', appModule: process.argv[2]!, routes: [{ method: 'GET', path: '/ping' }] }], { env: { CARVE_LOG_LEVEL: 'silent' } });
console.log(`unit ${session.units[0]!.process.pid}`);
