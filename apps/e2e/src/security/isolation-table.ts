import type { Role } from '@medmentor/auth';
import type { ServiceName } from '@medmentor/testing';
import { physicianBody, programBody } from './tenant-fixtures';

/**
 * How an operation can reach another tenant's data, which decides what a caller from
 * tenant A may get back:
 * - `b-resource`: the path (or body) names a resource of tenant B: 403 or 404, nothing else;
 * - `scoped-list`: names a tenant-B parent or id, but the service reads it inside the
 *   caller's own tenant: 403/404, or 200 without a byte of B (and B unchanged);
 * - `collection`: the caller's own tenant (list or create): any non-5xx, without a byte of B;
 * - `self`: the caller's own things (inbox, own profile): any non-5xx, without a byte of B;
 * - `platform-only`: platform administration: 403 for every tenant role;
 * - `capability`: no bearer token, a secret in the URL: a forged secret gets 4xx.
 *
 * Every `b-resource` names a resource that exists in tenant B, made through the public APIs
 * (tenant-fixtures.ts), match runs, matches, meetings and inbox messages included.
 */
export type Target =
  'b-resource' | 'scoped-list' | 'collection' | 'self' | 'platform-only' | 'capability';

export interface OperationCase {
  readonly target: Target;
  /** Path parameter -> fixture name, `nowhere` (a random id) or `=literal`. */
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: (ids: Record<string, string>) => unknown;
  readonly contentType?: string;
  /** Further statuses accepted from tenant-A callers, e.g. 400 when B's id is in the body. */
  readonly alsoAllowed?: readonly number[];
  /** Roles of tenant B itself that must not get through (401/403/404), B unchanged. */
  readonly forbiddenInB?: readonly Role[];
}

const PARTICIPANTS: Role[] = ['mentor', 'mentee'];
const NOT_ORG_ADMIN: Role[] = ['program-admin', 'mentor', 'mentee'];
const ICS =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//e2e//EN\r\nBEGIN:VEVENT\r\nUID:x@e2e\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270301T080000Z\r\nDTEND:20270301T200000Z\r\nSUMMARY:Call\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
const CSV =
  'givenName,familyName,email,specialty,careerStage,timeZone\nEve,Row,eve.row@example.org,internal-medicine,resident,America/Chicago\n';
const meeting = { meetingId: 'meeting' };

/**
 * Every operation of every OpenAPI document must have a row, under its service and keyed by
 * `METHOD /path` (the same path, such as /api/v1/audit-events, can be in several services);
 * a new one fails the suite until added.
 */
export const ISOLATION_TABLE: Readonly<
  Record<ServiceName, Readonly<Record<string, OperationCase>>>
> = {
  profiles: {
    'POST /api/v1/diagnostics/pings': {
      target: 'collection',
      body: () => ({ message: 'isolation' }),
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/diagnostics/pings/{pingId}': { target: 'b-resource', params: { pingId: 'ping' } },
    'POST /api/v1/tenants': {
      target: 'platform-only',
      body: () => ({ name: 'Hijack', slug: `hijack-${Date.now()}`, kind: 'health-system' }),
    },
    'GET /api/v1/tenants': { target: 'platform-only' },
    'GET /api/v1/tenants/{tenantId}': { target: 'b-resource', params: { tenantId: 'tenant' } },
    'PATCH /api/v1/tenants/{tenantId}': {
      target: 'b-resource',
      params: { tenantId: 'tenant' },
      body: () => ({ version: 1, name: 'Hijacked' }),
      forbiddenInB: NOT_ORG_ADMIN,
    },
    'POST /api/v1/programs': {
      target: 'collection',
      body: () => programBody('Isolation'),
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/programs': { target: 'collection' },
    'GET /api/v1/programs/{programId}': {
      target: 'b-resource',
      params: { programId: 'draftProgram' },
      forbiddenInB: PARTICIPANTS,
    },
    'PATCH /api/v1/programs/{programId}': {
      target: 'b-resource',
      params: { programId: 'draftProgram' },
      body: () => ({ version: 1, name: 'Hijacked' }),
      forbiddenInB: PARTICIPANTS,
    },
    'DELETE /api/v1/programs/{programId}': {
      target: 'b-resource',
      params: { programId: 'draftProgram' },
      forbiddenInB: PARTICIPANTS,
    },
    'POST /api/v1/programs/{programId}/publish': {
      target: 'b-resource',
      params: { programId: 'draftProgram' },
      forbiddenInB: PARTICIPANTS,
    },
    'POST /api/v1/programs/{programId}/start-matching': {
      target: 'b-resource',
      params: { programId: 'openProgram' },
      forbiddenInB: PARTICIPANTS,
    },
    'POST /api/v1/programs/{programId}/activate': {
      target: 'b-resource',
      params: { programId: 'openProgram' },
      forbiddenInB: PARTICIPANTS,
    },
    'POST /api/v1/programs/{programId}/close': {
      target: 'b-resource',
      params: { programId: 'openProgram' },
      forbiddenInB: PARTICIPANTS,
    },
    'POST /api/v1/physicians': {
      target: 'collection',
      body: () => physicianBody(`Iso${Date.now()}`, '+15550001111'),
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/physicians': { target: 'collection' },
    'GET /api/v1/physicians/me': { target: 'self' },
    'GET /api/v1/physicians/{physicianId}': {
      target: 'b-resource',
      params: { physicianId: 'physician' },
    },
    'PATCH /api/v1/physicians/{physicianId}': {
      target: 'b-resource',
      params: { physicianId: 'physician' },
      body: () => ({ version: 1, givenName: 'Hijacked' }),
      forbiddenInB: NOT_ORG_ADMIN,
    },
    'DELETE /api/v1/physicians/{physicianId}': {
      target: 'b-resource',
      params: { physicianId: 'physician' },
      forbiddenInB: NOT_ORG_ADMIN,
    },
    'POST /api/v1/imports/physicians/csv': {
      target: 'collection',
      contentType: 'text/csv',
      body: () => CSV,
      forbiddenInB: PARTICIPANTS,
    },
    'POST /api/v1/imports/physicians/fhir': {
      target: 'collection',
      contentType: 'application/fhir+json',
      body: () => ({ resourceType: 'Bundle', type: 'collection', entry: [] }),
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/imports/{importId}': {
      target: 'b-resource',
      params: { importId: 'import' },
      forbiddenInB: PARTICIPANTS,
    },
    'POST /api/v1/enrollments': {
      target: 'b-resource',
      body: (ids) => ({
        programId: ids['openProgram'],
        physicianId: ids['physician'],
        side: 'mentor',
      }),
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/enrollments': { target: 'collection' },
    'GET /api/v1/enrollments/{enrollmentId}': {
      target: 'b-resource',
      params: { enrollmentId: 'enrollment' },
      forbiddenInB: PARTICIPANTS,
    },
    'PATCH /api/v1/enrollments/{enrollmentId}': {
      target: 'b-resource',
      params: { enrollmentId: 'enrollment' },
      body: () => ({ version: 1, topics: ['job-search'] }),
      forbiddenInB: PARTICIPANTS,
    },
    'POST /api/v1/enrollments/{enrollmentId}/withdraw': {
      target: 'b-resource',
      params: { enrollmentId: 'enrollment' },
      forbiddenInB: PARTICIPANTS,
    },
    'PUT /api/v1/enrollments/{enrollmentId}/rank-list': {
      target: 'b-resource',
      params: { enrollmentId: 'enrollment' },
      body: () => ({ version: 1, ranks: [] }),
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/programs/{programId}/participants': {
      target: 'scoped-list',
      params: { programId: 'openProgram' },
    },
    'GET /api/v1/programs/{programId}/analytics': {
      target: 'scoped-list',
      params: { programId: 'openProgram' },
    },
    'GET /api/v1/audit-events': { target: 'collection', forbiddenInB: NOT_ORG_ADMIN },
  },
  matching: {
    'GET /api/v1/audit-events': { target: 'collection', forbiddenInB: NOT_ORG_ADMIN },
    'POST /api/v1/programs/{programId}/match-runs': {
      target: 'b-resource',
      params: { programId: 'openProgram' },
      body: () => ({}),
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/programs/{programId}/match-runs': {
      target: 'scoped-list',
      params: { programId: 'openProgram' },
    },
    'GET /api/v1/match-runs/{runId}': { target: 'b-resource', params: { runId: 'run' } },
    'GET /api/v1/match-runs/{runId}/matches': {
      target: 'b-resource',
      params: { runId: 'run' },
    },

    'POST /api/v1/match-runs/{runId}/publish': {
      target: 'b-resource',
      params: { runId: 'run' },
    },
    'POST /api/v1/programs/{programId}/matches': {
      target: 'b-resource',
      params: { programId: 'openProgram' },
      body: (ids) => ({
        menteeEnrollmentId: ids['enrollment'],
        mentorEnrollmentId: ids['enrollment'],
        role: 'career',
      }),
      alsoAllowed: [400, 422],
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/matches': { target: 'collection' },
    'GET /api/v1/matches/{matchId}': { target: 'b-resource', params: { matchId: 'match' } },
    'POST /api/v1/matches/{matchId}/accept': {
      target: 'b-resource',
      params: { matchId: 'match' },
    },
    'POST /api/v1/matches/{matchId}/decline': {
      target: 'b-resource',
      params: { matchId: 'match' },
      body: () => ({}),
    },
    'POST /api/v1/matches/{matchId}/rematch': {
      target: 'b-resource',
      params: { matchId: 'match' },
    },
    'POST /api/v1/matches/{matchId}/unmatch': {
      target: 'b-resource',
      params: { matchId: 'match' },
    },
    'POST /api/v1/matches/{matchId}/end': { target: 'b-resource', params: { matchId: 'match' } },
    'GET /api/v1/programs/{programId}/recommendations': {
      target: 'scoped-list',
      params: { programId: 'openProgram' },
      query: { menteeEnrollmentId: '00000000-0000-4000-8000-000000000000' },
      // An enrollment unknown in the caller's tenant (or not the mentee's own) is a field error.
      alsoAllowed: [400, 422],
    },
    'POST /api/v1/programs/{programId}/match-requests': {
      target: 'b-resource',
      params: { programId: 'openProgram' },
      body: (ids) => ({
        menteeEnrollmentId: ids['enrollment'],
        mentorEnrollmentId: ids['enrollment'],
        role: 'career',
      }),
      // B's enrollments are not participants in A: 400 or 422 on the field, nothing revealed.
      alsoAllowed: [400, 422],
    },
  },
  notifications: {
    'GET /api/v1/audit-events': { target: 'collection', forbiddenInB: NOT_ORG_ADMIN },
    'PATCH /api/v1/webhooks/{webhookId}': {
      target: 'b-resource',
      params: { webhookId: 'webhook' },
      body: () => ({ url: 'https://hooks.example.org/hijacked' }),
      forbiddenInB: PARTICIPANTS,
    },
    'POST /api/v1/webhooks/{webhookId}/rotate-secret': {
      target: 'b-resource',
      params: { webhookId: 'webhook' },
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/diagnostics/ping-receipts/{pingId}': {
      target: 'b-resource',
      params: { pingId: 'ping' },
    },
    'GET /api/v1/inbox': { target: 'self' },
    'GET /api/v1/inbox/unread-count': { target: 'self' },
    'POST /api/v1/inbox/{messageId}/read': {
      target: 'b-resource',
      params: { messageId: 'inboxMessage' },
    },
    'GET /api/v1/notification-preferences/me': { target: 'self' },
    'PUT /api/v1/notification-preferences/me': {
      target: 'self',
      body: () => ({ digest: 'daily' }),
    },
    // Preferences are keyed by (caller's tenant, physician id): B's id reads A's defaults.
    'GET /api/v1/notification-preferences/{physicianId}': {
      target: 'scoped-list',
      params: { physicianId: 'physician' },
      forbiddenInB: PARTICIPANTS,
    },
    'PUT /api/v1/notification-preferences/{physicianId}': {
      target: 'scoped-list',
      params: { physicianId: 'physician' },
      body: () => ({ digest: 'off' }),
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/unsubscribe': { target: 'capability', query: { token: 'forged.token.value' } },
    'POST /api/v1/unsubscribe': { target: 'capability', query: { token: 'forged.token.value' } },
    'GET /api/v1/deliveries': { target: 'collection', forbiddenInB: PARTICIPANTS },
    'POST /api/v1/webhooks': {
      target: 'collection',
      body: () => ({ url: 'https://hooks.example.org/isolation' }),
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/webhooks': { target: 'collection', forbiddenInB: PARTICIPANTS },
    'DELETE /api/v1/webhooks/{webhookId}': {
      target: 'b-resource',
      params: { webhookId: 'webhook' },
      forbiddenInB: PARTICIPANTS,
    },
    'POST /api/v1/admin-contacts': {
      target: 'collection',
      body: () => ({ name: 'Isolation', email: 'isolation@example.org' }),
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/admin-contacts': { target: 'collection', forbiddenInB: PARTICIPANTS },
    'DELETE /api/v1/admin-contacts/{contactId}': {
      target: 'b-resource',
      params: { contactId: 'adminContact' },
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/templates': { target: 'collection' },
    'PUT /api/v1/templates/{kind}/{channel}': {
      target: 'collection',
      params: { kind: '=match-proposed', channel: '=email' },
      body: () => ({ subject: 'Isolation', text: 'Isolation' }),
      forbiddenInB: PARTICIPANTS,
    },
    'DELETE /api/v1/templates/{kind}/{channel}': {
      target: 'collection',
      params: { kind: '=match-proposed', channel: '=email' },
      forbiddenInB: PARTICIPANTS,
    },
    'POST /api/v1/templates/{kind}/{channel}/preview': {
      target: 'collection',
      params: { kind: '=match-proposed', channel: '=email' },
      body: () => ({}),
    },
  },
  scheduling: {
    'GET /api/v1/physicians/{physicianId}/busy': {
      target: 'b-resource',
      params: { physicianId: 'physician' },
      forbiddenInB: PARTICIPANTS,
    },
    'PUT /api/v1/physicians/{physicianId}/busy-calendar': {
      target: 'b-resource',
      params: { physicianId: 'physician' },
      body: () => ({ ics: ICS }),
      forbiddenInB: PARTICIPANTS,
    },
    'POST /api/v1/physicians/{physicianId}/blackouts': {
      target: 'b-resource',
      params: { physicianId: 'physician' },
      body: () => ({ from: '2027-04-01', to: '2027-04-02' }),
      forbiddenInB: PARTICIPANTS,
    },
    'DELETE /api/v1/physicians/{physicianId}/blackouts/{blackoutId}': {
      target: 'b-resource',
      params: { physicianId: 'physician', blackoutId: 'blackout' },
      forbiddenInB: PARTICIPANTS,
    },
    // Meetings are read inside the caller's tenant: B's physician has none there.
    'GET /api/v1/physicians/{physicianId}/meetings': {
      target: 'scoped-list',
      params: { physicianId: 'physician' },
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/matches/{matchId}/meetings': {
      target: 'b-resource',
      params: { matchId: 'match' },
    },
    'GET /api/v1/matches/{matchId}/slot-suggestions': {
      target: 'b-resource',
      params: { matchId: 'match' },
    },
    'GET /api/v1/meetings/{meetingId}': { target: 'b-resource', params: meeting },
    'POST /api/v1/meetings/{meetingId}/reschedule': {
      target: 'b-resource',
      params: meeting,
      body: () => ({ start: '2027-05-03T15:00:00Z', sequence: 0 }),
    },
    'POST /api/v1/meetings/{meetingId}/cancel': {
      target: 'b-resource',
      params: meeting,
      body: () => ({ sequence: 0 }),
    },
    'POST /api/v1/meetings/{meetingId}/complete': { target: 'b-resource', params: meeting },
    'POST /api/v1/meetings/{meetingId}/agenda': {
      target: 'b-resource',
      params: meeting,
      body: () => ({ text: 'Agenda' }),
    },
    'PUT /api/v1/meetings/{meetingId}/notes': {
      target: 'b-resource',
      params: meeting,
      body: () => ({ notes: 'Notes' }),
    },
    'POST /api/v1/meetings/{meetingId}/action-items': {
      target: 'b-resource',
      params: meeting,
      body: (ids) => ({ text: 'Item', ownerId: ids['physician'] }),
    },
    'PATCH /api/v1/meetings/{meetingId}/action-items/{itemId}': {
      target: 'b-resource',
      params: { ...meeting, itemId: 'actionItem' },
      body: () => ({ status: 'done' }),
    },
    'POST /api/v1/meetings/{meetingId}/feedback': {
      target: 'b-resource',
      params: meeting,
      body: () => ({ rating: 5 }),
    },
    'GET /api/v1/programs/{programId}/feedback-summary': {
      target: 'scoped-list',
      params: { programId: 'openProgram' },
    },
    'GET /api/v1/meetings/{meetingId}/invitation.ics': { target: 'b-resource', params: meeting },
    'POST /api/v1/physicians/{physicianId}/calendar-feed': {
      target: 'b-resource',
      params: { physicianId: 'physician' },
      forbiddenInB: PARTICIPANTS,
    },
    'DELETE /api/v1/physicians/{physicianId}/calendar-feed': {
      target: 'b-resource',
      params: { physicianId: 'physician' },
      forbiddenInB: PARTICIPANTS,
    },
    // Program-level content is read and written inside the caller's tenant: B's program id
    // names nothing there.
    'GET /api/v1/programs/{programId}/agenda-templates': {
      target: 'scoped-list',
      params: { programId: 'openProgram' },
      forbiddenInB: PARTICIPANTS,
    },
    'PUT /api/v1/programs/{programId}/agenda-templates/{phase}': {
      target: 'scoped-list',
      params: { programId: 'openProgram', phase: '=kickoff' },
      body: () => ({ items: ['Isolation'] }),
      forbiddenInB: PARTICIPANTS,
    },
    'DELETE /api/v1/programs/{programId}/agenda-templates/{phase}': {
      target: 'scoped-list',
      params: { programId: 'openProgram', phase: '=kickoff' },
      forbiddenInB: PARTICIPANTS,
    },
    'GET /api/v1/programs/{programId}/resources': {
      target: 'scoped-list',
      params: { programId: 'openProgram' },
    },
    'POST /api/v1/programs/{programId}/resources': {
      target: 'scoped-list',
      params: { programId: 'openProgram' },
      body: () => ({ title: 'Isolation', url: 'https://example.org/isolation' }),
      forbiddenInB: ['mentee'],
    },
    'DELETE /api/v1/programs/{programId}/resources/{resourceId}': {
      target: 'scoped-list',
      params: { programId: 'openProgram', resourceId: 'nowhere' },
      forbiddenInB: ['mentee'],
    },
    'POST /api/v1/matches/{matchId}/kickoff': {
      target: 'b-resource',
      params: { matchId: 'match' },
      body: () => ({ start: '2027-05-04T15:00:00Z' }),
    },
    'GET /api/v1/matches/{matchId}/resources': {
      target: 'b-resource',
      params: { matchId: 'match' },
    },
    'POST /api/v1/matches/{matchId}/resources': {
      target: 'b-resource',
      params: { matchId: 'match' },
      body: () => ({ title: 'Isolation', url: 'https://example.org/isolation' }),
    },
    'DELETE /api/v1/matches/{matchId}/resources/{resourceId}': {
      target: 'b-resource',
      params: { matchId: 'match', resourceId: 'nowhere' },
    },
    'GET /api/v1/calendar-feeds/{token}': {
      target: 'capability',
      params: { token: '=forged-feed-token-0000000000000000' },
    },
  },
};

/** The row of an operation, under its service; undefined for an operation not in the table. */
export const isolationCaseOf = (operation: {
  service: ServiceName;
  route: string;
}): OperationCase | undefined => ISOLATION_TABLE[operation.service][operation.route];

/** `service METHOD /path` of every row, as `Operation.key` spells it. */
export const isolationKeys = (): string[] =>
  Object.entries(ISOLATION_TABLE).flatMap(([service, rows]) =>
    Object.keys(rows).map((route) => `${service} ${route}`),
  );
