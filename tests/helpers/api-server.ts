// A server process with the API only (no site build needed): the drives concurrency test runs two on one SQLite file.
import { serve } from '@hono/node-server';
import { loadConfig } from '../../api/config.ts';
import { createServices } from '../../api/services.ts';
import { createApp } from '../../api/app.ts';

const services = createServices(loadConfig());
// Port 0: the system picks a free one, printed for the parent process.
const server = serve({ fetch: createApp(services).fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`ready ${info.port}`));
process.on('SIGTERM', () => server.close(() => { services.close(); process.exit(0); }));
