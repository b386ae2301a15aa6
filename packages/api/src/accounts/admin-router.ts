import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { sql } from 'kysely';
import {
	assertNotRateLimited,
	createAuthToken,
	RATE_LIMITS,
	RateLimitedError,
	recordFailure
} from '@regionportalen/auth';
import { BOARD_ROLES, ROLES, roleDefinition, roleTitle, type Role, type RoleScope } from '@regionportalen/db';
import { invitationMail, queueMail, roleGrantedMail } from '@regionportalen/mail';
import { z } from 'zod';
import {
	type AdminScope,
	assertCanAdministerScope,
	assertCanManageMembership,
	assertCanReadAuditLog,
	canManageMembership,
	type MembershipTarget
} from './access.ts';
import {
	idSchema,
	pageSchema,
	recordAudit,
	roleCheckedProcedure,
	type SignedInContext,
	signedInProcedure,
	tooManyRequests
} from '../core/index.ts';
import { forbundRegion, listScopeMemberships } from './people.ts';
import { roleLabel } from './roles.ts';

export const AUDIT_PAGE_SIZE = 50;

const scopeSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('platform') }),
	z.object({ kind: z.literal('region'), id: idSchema }),
	z.object({ kind: z.literal('forbund'), id: idSchema })
]);

const grantSchema = z
	.object({
		email: z.string().trim().toLowerCase().max(320).email('Det ser inte ut som en e-postadress.'),
		role: z.enum(ROLES),
		forbundId: idSchema.nullable().default(null),
		regionId: idSchema.nullable().default(null),
		boardRole: z.enum(BOARD_ROLES).nullable().default(null)
	})
	.superRefine((v, ctx) => {
		const scoped =
			v.role === 'platform_admin'
				? v.forbundId === null && v.regionId === null
				: v.role === 'coordinator'
					? v.regionId !== null && v.forbundId === null
					: v.forbundId !== null && v.regionId === null;
		if (!scoped) ctx.addIssue({ code: 'custom', path: ['role'], message: 'Rollen hör inte till den platsen.' });
		if (v.role === 'presidium' && !v.boardRole)
			ctx.addIssue({ code: 'custom', path: ['boardRole'], message: 'Välj personens roll i styrelsen.' });
		if (v.role !== 'presidium' && v.boardRole)
			ctx.addIssue({ code: 'custom', path: ['boardRole'], message: 'Styrelseroll anges bara för presidiet.' });
	});

async function targetOf(
	ctx: SignedInContext,
	m: { role: Role; forbund_id: number | null; region_id: number | null }
): Promise<MembershipTarget & { forbundName: string | null }> {
	if (m.forbund_id === null) return { ...m, forbund_region_id: null, forbundName: null };
	const f = await forbundRegion(ctx.db, m.forbund_id);
	return { ...m, forbund_region_id: f.region_id, forbundName: f.short_name };
}

async function placeName(ctx: SignedInContext, t: { forbund_id: number | null; region_id: number | null }) {
	if (t.forbund_id !== null) return (await forbundRegion(ctx.db, t.forbund_id)).short_name;
	if (t.region_id !== null)
		return (
			(await ctx.db.selectFrom('region').select('name').where('id', '=', t.region_id).executeTakeFirst())?.name ?? ''
		);
	return 'hela plattformen';
}

/** A role with its person, for a change the caller must be allowed to make to it (else NOT_FOUND or FORBIDDEN). */
async function managedMembership(ctx: SignedInContext, membershipId: number) {
	const m = await ctx.db
		.selectFrom('membership as m')
		.innerJoin('app_user as u', 'u.id', 'm.user_id')
		.select([
			'm.id',
			'm.user_id',
			'm.role',
			'm.board_role',
			'm.forbund_id',
			'm.region_id',
			'u.email',
			'u.password_hash'
		])
		.where('m.id', '=', membershipId)
		.executeTakeFirst();
	if (!m) throw new TRPCError({ code: 'NOT_FOUND', message: 'Rollen finns inte.' });
	const target = await targetOf(ctx, m);
	assertCanManageMembership(ctx.memberships, target);
	return { m, target };
}

/** Before an invitation is sent: a link needs the site's address, and each admin's invitations are rate-limited. */
async function invitationAllowed(ctx: SignedInContext): Promise<string> {
	if (!ctx.origin) throw new Error('The API context has no origin to put in the invitation link.');
	const limitKey = `invite:${ctx.user.id}`;
	try {
		await assertNotRateLimited(ctx.db, [limitKey]);
	} catch (e) {
		if (e instanceof RateLimitedError) throw tooManyRequests(e);
		throw e;
	}
	return limitKey;
}

export const adminRouter = {
	/** Where the caller administers people, with names: for the admin pages and their menu link. */
	scopes: signedInProcedure.query(async ({ ctx }) => {
		const scopes: (AdminScope & { name: string })[] = [];
		if (ctx.memberships.some((m) => m.role === 'platform_admin'))
			scopes.push({ kind: 'platform', name: 'Hela plattformen' });
		for (const m of ctx.memberships) {
			if (m.role === 'coordinator' && m.region_id !== null) {
				scopes.push({ kind: 'region', id: m.region_id, name: await placeName(ctx, m) });
			}
			if (m.role === 'forbund_admin' && m.forbund_id !== null) {
				scopes.push({ kind: 'forbund', id: m.forbund_id, name: await placeName(ctx, m) });
			}
		}
		return scopes;
	}),

	/** The people and roles in a scope, and the roles the caller may grant there. */
	people: roleCheckedProcedure.input(z.object({ scope: scopeSchema })).query(async ({ ctx, input }) => {
		const { scope } = input;
		let forbundRegionId: number | undefined;
		if (scope.kind === 'forbund') {
			forbundRegionId = (await forbundRegion(ctx.db, scope.id)).region_id;
		}
		assertCanAdministerScope(ctx.memberships, scope, forbundRegionId);

		const rows = (await listScopeMemberships(ctx.db, scope)).filter((r) =>
			canManageMembership(ctx.memberships, { ...r, forbund_region_id: r.forbund_region_id })
		);
		const people = new Map<
			number,
			{
				id: number;
				email: string;
				name: string;
				invited: boolean;
				twoFactor: boolean;
				memberships: ((typeof rows)[number] & { label: string })[];
			}
		>();
		for (const r of rows) {
			const person = people.get(r.user_id) ?? {
				id: r.user_id,
				email: r.email,
				name: r.name,
				invited: r.invited,
				twoFactor: r.two_factor,
				memberships: []
			};
			person.memberships.push({ ...r, label: roleLabel(r.role, r.board_role).replace(/^./, (c) => c.toUpperCase()) });
			people.set(r.user_id, person);
		}

		// What the invite form offers here.
		const places =
			scope.kind === 'forbund'
				? await ctx.db
						.selectFrom('forbund')
						.select(['id', 'region_id', 'short_name'])
						.where('id', '=', scope.id)
						.execute()
				: scope.kind === 'region'
					? await ctx.db
							.selectFrom('forbund')
							.select(['id', 'region_id', 'short_name'])
							.where('region_id', '=', scope.id)
							.orderBy('short_name')
							.execute()
					: await ctx.db
							.selectFrom('forbund')
							.select(['id', 'region_id', 'short_name'])
							.orderBy('short_name')
							.execute();
		const regions =
			scope.kind === 'forbund'
				? []
				: await ctx.db
						.selectFrom('region')
						.select(['id', 'name'])
						.$if(scope.kind === 'region', (q) => q.where('id', '=', (scope as { id: number }).id))
						.orderBy('name')
						.execute();
		// Every role the caller may grant here, in the order the definitions list them, for each place.
		const grantable: { role: Role; forbundId: number | null; regionId: number | null; label: string }[] = [];
		const rolesOf = (scope: RoleScope) => ROLES.filter((role) => roleDefinition(role).scope === scope);
		const offer = (
			role: Role,
			forbundId: number | null,
			regionId: number | null,
			forbundRegionId: number | null,
			place: string | null
		) => {
			const target = { role, forbund_id: forbundId, region_id: regionId, forbund_region_id: forbundRegionId };
			if (!canManageMembership(ctx.memberships, target)) return;
			grantable.push({ role, forbundId, regionId, label: place ? `${roleTitle(role)}, ${place}` : roleTitle(role) });
		};
		if (scope.kind === 'platform') for (const role of rolesOf('platform')) offer(role, null, null, null, null);
		for (const r of regions) for (const role of rolesOf('region')) offer(role, null, r.id, null, r.name);
		for (const f of places) for (const role of rolesOf('forbund')) offer(role, f.id, null, f.region_id, f.short_name);
		return { people: [...people.values()], grantable };
	}),

	/**
	 * Grants a role to the person with this e-mail. Someone without an account gets one, and an
	 * invitation by mail to choose their name and password (a link valid for 7 days); someone with an
	 * account is told by mail. The mail joins the outbox in the grant's transaction: a refused grant
	 * mails nobody, and a slow or absent SMTP server neither holds nor refuses the grant.
	 */
	invite: roleCheckedProcedure.input(grantSchema).mutation(async ({ ctx, input }) => {
		const target = await targetOf(ctx, { role: input.role, forbund_id: input.forbundId, region_id: input.regionId });
		assertCanManageMembership(ctx.memberships, target);
		const limitKey = await invitationAllowed(ctx);

		// The account, made when there is none, by the database's function for it: until the grant
		// below, the person (of another förbund, say) is not the caller's to read (migration 0030).
		const { rows } = await sql<{ id: number; invited: boolean }>`
			select id, invited from app_invite_user(${input.email})`.execute(ctx.db);
		const user = rows[0]!;
		const membership = await ctx.db
			.insertInto('membership')
			.values({
				user_id: user.id,
				role: input.role,
				forbund_id: input.forbundId,
				region_id: input.regionId,
				board_role: input.boardRole
			})
			.onConflict((oc) => oc.doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!membership) throw new TRPCError({ code: 'CONFLICT', message: 'Personen har redan den rollen.' });
		await recordFailure(ctx.db, limitKey, RATE_LIMITS.invite);

		const role = roleLabel(input.role, input.boardRole);
		const place = await placeName(ctx, target);
		const { invited } = user;
		await recordAudit(ctx.db, ctx.user, {
			action: invited ? 'membership.invite' : 'membership.grant',
			entity_type: 'membership',
			entity_id: String(membership.id),
			forbund_id: input.forbundId,
			region_id: input.regionId ?? target.forbund_region_id,
			subject_id: user.id,
			summary: `${invited ? 'Bjöd in en person som' : 'Gav rollen'} ${role}, ${place}`,
			detail: { role: input.role, board_role: input.boardRole }
		});

		const inviter = ctx.user.name || ctx.user.email;
		const owner = { forbundId: input.forbundId, regionId: input.regionId ?? target.forbund_region_id };
		if (invited) {
			const token = await createAuthToken(ctx.db, user.id, 'invite', { createdBy: ctx.user.id });
			await queueMail(
				ctx.db,
				invitationMail({
					to: input.email,
					inviter,
					role: `${role}, ${place}`,
					link: `${ctx.origin}/inbjudan/${token}`
				}),
				owner
			);
		} else {
			await queueMail(
				ctx.db,
				roleGrantedMail({ to: input.email, inviter, role: `${role}, ${place}`, link: `${ctx.origin}/logga-in` }),
				owner
			);
		}
		return { membershipId: membership.id, userId: user.id, invited };
	}),

	/** Takes a role away; the person's sessions end at once, so the role is gone from every tab. */
	revoke: roleCheckedProcedure.input(z.object({ membershipId: idSchema })).mutation(async ({ ctx, input }) => {
		const { m, target } = await managedMembership(ctx, input.membershipId);
		if (m.user_id === ctx.user.id) {
			throw new TRPCError({
				code: 'BAD_REQUEST',
				message: 'Du kan inte ta bort din egen roll. Be en annan administratör.'
			});
		}
		const deleted = await ctx.db.deleteFrom('membership').where('id', '=', m.id).returning('id').executeTakeFirst();
		if (!deleted) throw new TRPCError({ code: 'NOT_FOUND', message: 'Rollen finns inte.' });
		await ctx.db.deleteFrom('session').where('user_id', '=', m.user_id).execute();
		await recordAudit(ctx.db, ctx.user, {
			action: 'membership.revoke',
			entity_type: 'membership',
			entity_id: String(m.id),
			forbund_id: m.forbund_id,
			region_id: m.region_id ?? target.forbund_region_id,
			subject_id: m.user_id,
			summary: `Tog bort rollen ${roleLabel(m.role, m.board_role)}, ${await placeName(ctx, m)}`,
			detail: { role: m.role, board_role: m.board_role }
		});
		return { revoked: m.id };
	}),

	/**
	 * A new invitation for someone who has not chosen a password yet (the link ran out after 7 days,
	 * or the mail went astray): the earlier links stop working. Through one of the person's roles,
	 * which the caller must be able to manage; like an invitation, it goes through the outbox.
	 */
	resendInvitation: roleCheckedProcedure
		.input(z.object({ membershipId: idSchema }))
		.mutation(async ({ ctx, input }) => {
			const { m, target } = await managedMembership(ctx, input.membershipId);
			if (m.password_hash !== null) {
				throw new TRPCError({ code: 'BAD_REQUEST', message: `${m.email} har redan ett konto och kan logga in.` });
			}
			const limitKey = await invitationAllowed(ctx);

			await ctx.db.deleteFrom('auth_token').where('user_id', '=', m.user_id).where('purpose', '=', 'invite').execute();
			const token = await createAuthToken(ctx.db, m.user_id, 'invite', { createdBy: ctx.user.id });
			await recordFailure(ctx.db, limitKey, RATE_LIMITS.invite);
			const role = `${roleLabel(m.role, m.board_role)}, ${await placeName(ctx, m)}`;
			await recordAudit(ctx.db, ctx.user, {
				action: 'membership.invite_resend',
				entity_type: 'membership',
				entity_id: String(m.id),
				forbund_id: m.forbund_id,
				region_id: m.region_id ?? target.forbund_region_id,
				subject_id: m.user_id,
				summary: `Skickade en ny inbjudan som ${role}`,
				detail: { role: m.role, board_role: m.board_role }
			});
			await queueMail(
				ctx.db,
				invitationMail({
					to: m.email,
					inviter: ctx.user.name || ctx.user.email,
					role,
					link: `${ctx.origin}/inbjudan/${token}`
				}),
				{ forbundId: m.forbund_id, regionId: m.region_id ?? target.forbund_region_id }
			);
			return { email: m.email };
		}),

	/** The audit log as far as the caller may read it (the database decides the scope), filtered and paged. */
	audit: roleCheckedProcedure
		.input(
			z.object({
				action: z.string().trim().max(100).optional(),
				actor: z.string().trim().max(320).optional(),
				from: z.iso.date().optional(),
				to: z.iso.date().optional(),
				page: pageSchema
			})
		)
		.query(async ({ ctx, input }) => {
			assertCanReadAuditLog(ctx.memberships);
			// The log holds ids; who they are is looked up now, so it shows the accounts as they are.
			let query = ctx.db
				.selectFrom('audit_log')
				.leftJoin('app_user as actor', 'actor.id', 'audit_log.actor_id')
				.leftJoin('app_user_name as actor_name', 'actor_name.id', 'audit_log.actor_id')
				.leftJoin('app_user as subject', 'subject.id', 'audit_log.subject_id')
				.leftJoin('app_user_name as subject_name', 'subject_name.id', 'audit_log.subject_id');
			if (input.action) query = query.where('action', '=', input.action);
			if (input.actor) query = query.where('actor.email', 'ilike', `%${input.actor.replace(/[\\%_]/g, '\\$&')}%`);
			// Whole days in Swedish time, summer time included.
			if (input.from)
				query = query.where('at', '>=', sql<Date>`${input.from}::date::timestamp at time zone 'Europe/Stockholm'`);
			if (input.to)
				query = query.where('at', '<', sql<Date>`(${input.to}::date + 1)::timestamp at time zone 'Europe/Stockholm'`);
			const rows = await query
				.select([
					'audit_log.id',
					'audit_log.at',
					// The address of a person the caller administers (RLS), else the name everyone sees.
					(eb) => eb.fn.coalesce('actor.email', 'actor_name.name').as('actor'),
					(eb) => eb.fn.coalesce('subject.email', 'subject_name.name').as('subject'),
					'audit_log.action',
					'audit_log.entity_type',
					'audit_log.entity_id',
					'audit_log.summary',
					'audit_log.region_id',
					'audit_log.forbund_id'
				])
				.orderBy('audit_log.at', 'desc')
				.orderBy('audit_log.id', 'desc')
				.limit(AUDIT_PAGE_SIZE + 1)
				.offset((input.page - 1) * AUDIT_PAGE_SIZE)
				.execute();
			const actions = await ctx.db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
			return {
				entries: rows.slice(0, AUDIT_PAGE_SIZE),
				hasMore: rows.length > AUDIT_PAGE_SIZE,
				page: input.page,
				actions: actions.map((a) => a.action)
			};
		})
} satisfies TRPCRouterRecord;
