// Placeholder until the 'inventory' Hono service lands (issue 4).
import { createServer } from 'node:http';
createServer((_req, res) => res.end('{}')).listen(Number(process.env.PORT ?? 8080));
