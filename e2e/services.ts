/*
 * PostgreSQL and Redis for the queue-mode check, on loopback. Given PUBLER_E2E_POSTGRES
 * (postgres://user:password@127.0.0.1:5432/db) or PUBLER_E2E_REDIS (127.0.0.1:6379), the check uses those servers
 * (the service containers of .github/workflows/ci.yml); otherwise it starts Debian's PostgreSQL (initdb + postgres
 * in a temporary folder, as the `postgres` user when run as root, because initdb refuses root) and redis-server,
 * each on a free port, and stops them by PID at the end.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort, log, run, start } from './lib';

export interface Postgres {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
	/** Where it came from, for the log. */
	origin: string;
	/** Removes the data folder of a server this module started (the process itself is stopped by stopAll). */
	cleanup: () => void;
}

export interface Redis {
	host: string;
	port: number;
	origin: string;
}

/** The newest Debian PostgreSQL server binaries on this machine (/usr/lib/postgresql/<major>/bin). */
function postgresBinDir(): string {
	const base = '/usr/lib/postgresql';
	const majors = fs.existsSync(base) ? fs.readdirSync(base).filter((d) => fs.existsSync(path.join(base, d, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
	if (!majors.length) throw new Error('No PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql), and PUBLER_E2E_POSTGRES is not set');
	return path.join(base, majors[0], 'bin');
}

export async function startPostgres(): Promise<Postgres> {
	const external = process.env.PUBLER_E2E_POSTGRES;
	if (external) {
		const url = new URL(external);
		return {
			host: url.hostname,
			port: Number(url.port || 5432),
			user: decodeURIComponent(url.username),
			password: decodeURIComponent(url.password),
			database: url.pathname.slice(1) || 'postgres',
			origin: `external server ${url.hostname}:${url.port || 5432} (PUBLER_E2E_POSTGRES)`,
			cleanup: () => {},
		};
	}
	const bin = postgresBinDir();
	const asRoot = process.getuid?.() === 0;
	// Owned by the server's user, outside the check's own (root-only) temp folder.
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publer-pg-'));
	const password = crypto.randomBytes(12).toString('hex');
	const pwFile = path.join(dir, 'pw');
	fs.writeFileSync(pwFile, password);
	if (asRoot) run('chown', ['-R', 'postgres:postgres', dir]);
	const as = (command: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]);
	const [initCmd, initArgs] = as(path.join(bin, 'initdb'), ['-D', path.join(dir, 'data'), '-U', 'n8n', `--pwfile=${pwFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-sync']);
	run(initCmd, initArgs);
	const port = await freePort();
	const [cmd, args] = as(path.join(bin, 'postgres'), [
		'-D', path.join(dir, 'data'),
		'-p', String(port),
		'-c', 'listen_addresses=127.0.0.1',
		'-c', `unix_socket_directories=${dir}`,
		'-c', 'fsync=off',
		'-c', 'max_connections=100',
	]);
	const server = start('postgres', cmd, args, { logFile: path.join(dir, 'postgres.log') });
	await server.waitFor(/database system is ready to accept connections/, 30_000);
	const version = path.basename(path.dirname(bin));
	log(`PostgreSQL ${version} listening on 127.0.0.1:${port} (data in ${dir})`);
	return {
		host: '127.0.0.1',
		port,
		user: 'n8n',
		password,
		database: 'postgres',
		origin: `Debian PostgreSQL ${version} started by the check`,
		cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
	};
}

export async function startRedis(logDir: string): Promise<Redis> {
	const external = process.env.PUBLER_E2E_REDIS;
	if (external) {
		const [host, port] = external.split(':');
		return { host, port: Number(port || 6379), origin: `external server ${external} (PUBLER_E2E_REDIS)` };
	}
	const port = await freePort();
	const redis = start('redis', 'redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], { logFile: path.join(logDir, 'redis.log') });
	await redis.waitFor(/Ready to accept connections/, 15_000);
	return { host: '127.0.0.1', port, origin: 'redis-server started by the check' };
}

/** n8n's settings for a PostgreSQL database and a Redis queue. */
export function queueEnv(pg: Postgres, redis: Redis, prefix: string): NodeJS.ProcessEnv {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: pg.host,
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: pg.password,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// A prefix of its own, so a shared Redis (CI service) never mixes two runs' jobs.
		QUEUE_BULL_PREFIX: prefix,
	};
}
