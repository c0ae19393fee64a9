import { Injectable } from '@nestjs/common';
import { DirectoryRepository } from '../directory/directory.repository';
import type { AdminContact } from '../directory/schemas/admin-contact.schema';
import type { Contact } from '../directory/schemas/contact.schema';
import type { ProgramEntry } from '../directory/schemas/program-entry.schema';
import type { TenantEntry } from '../directory/schemas/tenant-entry.schema';
import { overrideId, TemplateOverrideRepository } from '../templates/template-override.repository';
import type { TemplateOverride } from '../templates/template-override.schema';
import type { Webhook } from '../webhooks/schemas/webhook.schema';
import { WebhookRepository } from '../webhooks/webhook.repository';
import type { StoredPayload } from './planned-message';
import type { Delivery } from './schemas/delivery.schema';

const key = (tenantId: string, id: string): string => `${tenantId}\u0000${id}`;

/**
 * What rendering a batch of deliveries reads, read once for the batch: contacts (recipients
 * and the physicians their templates name), tenants, programs, template overrides, webhooks
 * and admin contacts. As fresh as the moment the batch was claimed.
 */
export class DeliveryLookups {
  constructor(
    private readonly contacts: Map<string, Contact>,
    private readonly tenants: Map<string, TenantEntry>,
    private readonly programs: Map<string, ProgramEntry>,
    private readonly overrides: Map<string, TemplateOverride>,
    private readonly webhooks: Map<string, Webhook>,
    private readonly admins: Map<string, AdminContact>,
  ) {}

  contact(tenantId: string, physicianId: string): Contact | null {
    return this.contacts.get(key(tenantId, physicianId)) ?? null;
  }

  tenant(tenantId: string): TenantEntry | null {
    return this.tenants.get(tenantId) ?? null;
  }

  program(tenantId: string, programId: string | undefined): ProgramEntry | null {
    return programId === undefined ? null : (this.programs.get(key(tenantId, programId)) ?? null);
  }

  override(tenantId: string, kind: string, channel: string): TemplateOverride | null {
    return this.overrides.get(overrideId(tenantId, kind, channel)) ?? null;
  }

  webhook(tenantId: string, webhookId: string): Webhook | null {
    return this.webhooks.get(key(tenantId, webhookId)) ?? null;
  }

  admin(tenantId: string, adminId: string): AdminContact | null {
    return this.admins.get(key(tenantId, adminId)) ?? null;
  }
}

interface TenantNeeds {
  physicians: Set<string>;
  programs: Set<string>;
  webhooks: boolean;
  admins: boolean;
}

/** Reads a batch's lookups with a few queries per tenant in it, instead of several per delivery. */
@Injectable()
export class DeliveryLookupsLoader {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly overrides: TemplateOverrideRepository,
    private readonly webhooks: WebhookRepository,
  ) {}

  async load(deliveries: readonly Delivery[]): Promise<DeliveryLookups> {
    const needs = new Map<string, TenantNeeds>();
    for (const delivery of deliveries) {
      let need = needs.get(delivery.tenantId);
      if (!need) {
        need = { physicians: new Set(), programs: new Set(), webhooks: false, admins: false };
        needs.set(delivery.tenantId, need);
      }
      if (delivery.physicianId !== undefined) need.physicians.add(delivery.physicianId);
      if (delivery.programId !== undefined) need.programs.add(delivery.programId);
      if (delivery.webhookId !== undefined) need.webhooks = true;
      if (delivery.adminContactId !== undefined) need.admins = true;
      const payload = JSON.parse(delivery.data ?? '{"data":{}}') as StoredPayload;
      for (const named of Object.values(payload.names ?? {})) need.physicians.add(named);
      for (const participant of payload.invitation?.participants ?? [])
        need.physicians.add(participant);
    }
    const contacts = new Map<string, Contact>();
    const tenants = new Map<string, TenantEntry>();
    const programs = new Map<string, ProgramEntry>();
    const overrides = new Map<string, TemplateOverride>();
    const webhooks = new Map<string, Webhook>();
    const admins = new Map<string, AdminContact>();
    for (const [tenantId, need] of needs) {
      const [tenant, foundContacts, foundPrograms, foundOverrides, foundHooks, foundAdmins] =
        await Promise.all([
          this.directory.findTenant({ _id: tenantId, tenantId }),
          need.physicians.size === 0
            ? []
            : this.directory.findContacts({ tenantId, ids: [...need.physicians] }),
          need.programs.size === 0
            ? []
            : this.directory.findPrograms({ tenantId, ids: [...need.programs] }),
          this.overrides.list({ tenantId }),
          need.webhooks ? this.webhooks.list({ tenantId }) : [],
          need.admins ? this.directory.listAdmins({ tenantId }) : [],
        ]);
      if (tenant) tenants.set(tenantId, tenant);
      for (const c of foundContacts) contacts.set(key(tenantId, c._id), c);
      for (const p of foundPrograms) programs.set(key(tenantId, p._id), p);
      for (const o of foundOverrides) overrides.set(o._id, o);
      for (const w of foundHooks) webhooks.set(key(tenantId, w._id), w);
      for (const a of foundAdmins) admins.set(key(tenantId, a._id), a);
    }
    return new DeliveryLookups(contacts, tenants, programs, overrides, webhooks, admins);
  }
}
