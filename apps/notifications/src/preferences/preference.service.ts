import { Injectable } from '@nestjs/common';
import { canActAsPhysician, type Principal } from '@medmentor/auth';
import { DomainError } from '@medmentor/platform';
import { Clock } from '../config/clock';
import { DirectoryService } from '../directory/directory.service';
import { DEFAULT_PREFERENCES, type RecipientPreferences } from '../policy/delivery-decision';
import type { Category, Channel } from '../policy/message-kind';
import type { DigestMode } from '../policy/digest-period';
import { PreferenceRepository } from './preference.repository';
import type { PreferencesInput, PreferencesView } from './preferences.dto';
import type { Preference } from './schemas/preference.schema';

const notYours = () =>
  new DomainError({
    code: 'preferences-forbidden',
    status: 403,
    title: 'Not your preferences',
    detail:
      "Only the physician, or an administrator of the tenant, may read or change a physician's preferences.",
  });

const unknownPhysician = (physicianId: string) =>
  new DomainError({
    code: 'physician-not-found',
    status: 404,
    title: 'Physician not found',
    detail: `No physician ${physicianId} in this tenant.`,
  });

const toRecipientPreferences = (stored: Preference | null): RecipientPreferences => {
  if (!stored) return DEFAULT_PREFERENCES;
  return {
    optOuts: stored.optOuts,
    digest: stored.digest as DigestMode,
    ...(stored.quietHours !== undefined &&
      stored.quietHours !== null && { quietHours: stored.quietHours }),
  };
};

@Injectable()
export class PreferenceService {
  constructor(
    private readonly repository: PreferenceRepository,
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
  ) {}

  /** What the policy needs; defaults for a physician who chose nothing. */
  async forRecipient(tenantId: string, physicianId: string): Promise<RecipientPreferences> {
    return toRecipientPreferences(await this.repository.find({ _id: physicianId, tenantId }));
  }

  /** The same for several physicians of a tenant, in one read. */
  async forRecipients(
    tenantId: string,
    physicianIds: string[],
  ): Promise<Map<string, RecipientPreferences>> {
    const stored = await this.repository.findMany({ tenantId, ids: physicianIds });
    const byId = new Map(stored.map((preference) => [preference._id, preference]));
    return new Map(
      physicianIds.map((id) => [id, toRecipientPreferences(byId.get(id) ?? null)] as const),
    );
  }

  async get(principal: Principal, physicianId: string): Promise<PreferencesView> {
    await this.requireReachable(principal, physicianId);
    return this.view(principal.tenantId, physicianId);
  }

  async put(
    principal: Principal,
    physicianId: string,
    input: PreferencesInput,
  ): Promise<PreferencesView> {
    await this.requireReachable(principal, physicianId);
    await this.repository.save({
      _id: physicianId,
      tenantId: principal.tenantId,
      optOuts: input.optOuts,
      digest: input.digest,
      ...(input.quietHours !== null && { quietHours: input.quietHours }),
      updatedAt: this.clock.now(),
    });
    return this.view(principal.tenantId, physicianId);
  }

  /** One-click unsubscribe: email off for one category, or for every category. */
  async unsubscribeEmail(
    tenantId: string,
    physicianId: string,
    category: Category | 'all',
    categories: readonly Category[],
  ): Promise<void> {
    const current = await this.forRecipient(tenantId, physicianId);
    const optOuts: Record<string, Channel[]> = { ...current.optOuts };
    for (const c of category === 'all' ? categories : [category]) {
      optOuts[c] = [...new Set([...(optOuts[c] ?? []), 'email' as const])];
    }
    await this.repository.save({
      _id: physicianId,
      tenantId,
      optOuts,
      digest: current.digest,
      ...(current.quietHours !== undefined && { quietHours: current.quietHours }),
      updatedAt: this.clock.now(),
    });
  }

  async timeZoneOf(tenantId: string, physicianId: string): Promise<string> {
    const contact = await this.directory.contact(tenantId, physicianId);
    return contact?.timeZone ?? (await this.directory.names(tenantId, undefined)).tenantTimeZone;
  }

  /**
   * A physician acts for themself (their id comes from their token, even before this
   * service has heard of them); an administrator only for a physician known in their own
   * tenant, so another tenant's ids are 404 like ids that exist nowhere.
   */
  private async requireReachable(principal: Principal, physicianId: string): Promise<void> {
    if (!canActAsPhysician(principal, physicianId)) throw notYours();
    if (principal.physicianId === physicianId) return;
    if ((await this.directory.contact(principal.tenantId, physicianId)) === null)
      throw unknownPhysician(physicianId);
  }

  private async view(tenantId: string, physicianId: string): Promise<PreferencesView> {
    const prefs = await this.forRecipient(tenantId, physicianId);
    return {
      physicianId,
      timeZone: await this.timeZoneOf(tenantId, physicianId),
      optOuts: prefs.optOuts as PreferencesView['optOuts'],
      quietHours: prefs.quietHours ?? null,
      digest: prefs.digest,
    };
  }
}
