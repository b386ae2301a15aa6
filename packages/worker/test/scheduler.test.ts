import { sql } from 'kysely';
import { createDb } from '@regionportalen/db/client';
import { createTestDatabase } from '@regionportalen/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { latestDue, tick, type Schedule } from '../src/index.ts';

// The schedules run in Swedish time, once per period however many workers tick, on a clock the
// test sets; and a server may add a job only inside its own transaction, with no other right on the queue.

const { db, owner, workerUrl } = await createTestDatabase();
const workerA = createDb({ connectionString: workerUrl, max: 2 });
const workerB = createDb({ connectionString: workerUrl, max: 2 });
afterAll(() => Promise.all([workerA.destroy(), workerB.destroy()]));

const daily: Schedule = { name: 'test.daily', cron: '30 3 * * *', task: 'test.task' };

async function jobs(task = 'test.task') {
	const { rows } = await sql<{
		payload: { dueAt?: string };
	}>`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
		where t.identifier = ${task} order by j.id`.execute(owner);
	return rows.map((r) => r.payload);
}

describe('the scheduler', () => {
	it('reads its times in Swedish time, through the change to summer time', () => {
		// 03:30 in Stockholm is 02:30 UTC in winter and 01:30 UTC in summer (from 29 March 2026).
		expect(latestDue(daily, new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-28T02:30:00.000Z');
		expect(latestDue(daily, new Date('2026-03-30T12:00:00Z')).toISOString()).toBe('2026-03-30T01:30:00.000Z');
		// Before the day's time, the period is yesterday's; at the very minute, today's.
		expect(latestDue(daily, new Date('2026-03-30T01:29:00Z')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(latestDue(daily, new Date('2026-03-30T01:30:00Z')).toISOString()).toBe('2026-03-30T01:30:00.000Z');
	});

	it('enqueues a period once even when two workers tick at the same moment', async () => {
		const at = new Date('2026-06-10T08:00:00Z');
		const [a, b] = await Promise.all([tick(workerA, [daily], at), tick(workerB, [daily], at)]);
		expect([...a, ...b]).toEqual(['test.daily']);
		expect(await jobs()).toEqual([{ dueAt: '2026-06-10T01:30:00.000Z' }]);

		// Later the same day: the period is taken.
		expect(await tick(workerB, [daily], new Date('2026-06-10T20:00:00Z'))).toEqual([]);
		// The next day: one more.
		expect(await tick(workerA, [daily], new Date('2026-06-11T02:00:00Z'))).toEqual(['test.daily']);
		expect(await jobs()).toHaveLength(2);
	});

	it('makes up a period missed while no worker ran once, not once per missed day', async () => {
		const before = (await jobs()).length;
		expect(await tick(workerA, [daily], new Date('2026-06-20T12:00:00Z'))).toEqual(['test.daily']);
		expect((await jobs()).slice(before)).toEqual([{ dueAt: '2026-06-20T01:30:00.000Z' }]);
	});
});

describe('the queue, as the servers reach it', () => {
	it('takes a job in the server’s own transaction: gone if it rolls back, there once it commits', async () => {
		const before = (await jobs('test.enqueued')).length;
		await expect(
			db.transaction().execute(async (trx) => {
				await sql`select app_enqueue_job('test.enqueued', '{"n": 1}'::json)`.execute(trx);
				throw new Error('the change failed');
			})
		).rejects.toThrow('the change failed');
		expect(await jobs('test.enqueued')).toHaveLength(before);
		await db
			.transaction()
			.execute((trx) => sql`select app_enqueue_job('test.enqueued', '{"n": 2}'::json)`.execute(trx));
		expect(await jobs('test.enqueued')).toEqual([{ n: 2 }]);
	});

	it('gives the servers no right on the queue’s tables, and refuses a task name that is no name', async () => {
		await expect(sql`select * from graphile_worker._private_jobs`.execute(db)).rejects.toThrow(/permission denied/);
		await expect(sql`delete from graphile_worker._private_jobs`.execute(db)).rejects.toThrow(/permission denied/);
		await expect(sql`insert into scheduled_run (schedule, due_at) values ('x', now())`.execute(db)).rejects.toThrow(
			/permission denied/
		);
		await expect(sql`select app_enqueue_job('Drop table; --', '{}'::json)`.execute(db)).rejects.toThrow(
			/invalid task name/
		);
	});
});
