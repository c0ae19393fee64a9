import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import { AdminContact } from './schemas/admin-contact.schema';
import { Contact } from './schemas/contact.schema';
import { ProgramEntry } from './schemas/program-entry.schema';
import { TenantEntry } from './schemas/tenant-entry.schema';

const isDuplicateKey = (error: unknown): boolean => (error as { code?: unknown })?.code === 11000;

/**
 * Writes `fields` only if the stored version is older. The filter misses a newer document,
 * so the upsert then tries to insert its `_id` again and fails with a duplicate key: that
 * is the "stale snapshot, ignore it" answer (the same on FerretDB and MongoDB).
 */
const upsertIfNewer = async <T>(
  model: Model<T>,
  key: TenantScoped<{ _id: string }>,
  version: number,
  fields: Record<string, unknown>,
  unset: Record<string, 1> = {},
): Promise<'applied' | 'stale'> => {
  try {
    await model
      .updateOne(
        { ...key, version: { $lt: version } },
        { $set: { ...fields, version }, ...(Object.keys(unset).length > 0 && { $unset: unset }) },
        { upsert: true },
      )
      .exec();
    return 'applied';
  } catch (error) {
    if (isDuplicateKey(error)) return 'stale';
    throw error;
  }
};

/** The read model of contacts, programs and tenants, and the admin contact list. */
@Injectable()
export class DirectoryRepository {
  constructor(
    @InjectModel(Contact.name) private readonly contacts: Model<Contact>,
    @InjectModel(ProgramEntry.name) private readonly programs: Model<ProgramEntry>,
    @InjectModel(TenantEntry.name) private readonly tenants: Model<TenantEntry>,
    @InjectModel(AdminContact.name) private readonly admins: Model<AdminContact>,
  ) {}

  saveContact(contact: TenantScoped<Omit<Contact, 'erased'>>): Promise<'applied' | 'stale'> {
    const { _id, tenantId, version, ...fields } = contact;
    return upsertIfNewer(this.contacts, { _id, tenantId }, version, { ...fields, erased: false });
  }

  /**
   * Leaves a tombstone with the highest version: no later snapshot can restore the details.
   * `redacting` keeps the name until `finishErasure`, for an erasure that must be resumed.
   */
  async eraseContact(key: TenantScoped<{ _id: string }>, redacting?: string): Promise<void> {
    await upsertIfNewer(
      this.contacts,
      key,
      Number.MAX_SAFE_INTEGER,
      { erased: true, ...(redacting !== undefined && { redacting }) },
      {
        displayName: 1,
        email: 1,
        emailVisibleToMatches: 1,
        timeZone: 1,
      },
    );
  }

  /** Forgets the name an erasure was removing from messages, once it is done. */
  async finishErasure(key: TenantScoped<{ _id: string }>): Promise<void> {
    await this.contacts.updateOne(key, { $unset: { redacting: 1 } }).exec();
  }

  /** Of `ids`, the physicians that are erased. */
  async erasedAmong(filter: TenantScoped<{ ids: string[] }>): Promise<Set<string>> {
    if (filter.ids.length === 0) return new Set();
    const found = await this.contacts
      .find({ tenantId: filter.tenantId, _id: { $in: filter.ids }, erased: true })
      .select({ _id: 1 })
      .lean<Pick<Contact, '_id'>[]>()
      .exec();
    return new Set(found.map((contact) => contact._id));
  }

  findContact(key: TenantScoped<{ _id: string }>): Promise<Contact | null> {
    return this.contacts.findOne(key).lean<Contact>().exec();
  }

  findContacts(filter: TenantScoped<{ ids: string[] }>): Promise<Contact[]> {
    return this.contacts
      .find({ tenantId: filter.tenantId, _id: { $in: filter.ids } })
      .lean<Contact[]>()
      .exec();
  }

  saveProgram(program: TenantScoped<ProgramEntry>): Promise<'applied' | 'stale'> {
    const { _id, tenantId, version, ...fields } = program;
    return upsertIfNewer(this.programs, { _id, tenantId }, version, fields);
  }

  findProgram(key: TenantScoped<{ _id: string }>): Promise<ProgramEntry | null> {
    return this.programs.findOne(key).lean<ProgramEntry>().exec();
  }

  findPrograms(filter: TenantScoped<{ ids: string[] }>): Promise<ProgramEntry[]> {
    return this.programs
      .find({ tenantId: filter.tenantId, _id: { $in: filter.ids } })
      .lean<ProgramEntry[]>()
      .exec();
  }

  saveTenant(tenant: TenantScoped<TenantEntry>): Promise<'applied' | 'stale'> {
    const { _id, tenantId, version, ...fields } = tenant;
    return upsertIfNewer(this.tenants, { _id, tenantId }, version, fields);
  }

  findTenant(key: TenantScoped<{ _id: string }>): Promise<TenantEntry | null> {
    return this.tenants.findOne(key).lean<TenantEntry>().exec();
  }

  async insertAdmin(contact: TenantScoped<AdminContact>): Promise<void> {
    await this.admins.create(contact);
  }

  listAdmins(filter: TenantScoped<object>): Promise<AdminContact[]> {
    return this.admins
      .find({ tenantId: filter.tenantId })
      .sort({ createdAt: -1, _id: -1 })
      .lean<AdminContact[]>()
      .exec();
  }

  /** The contacts for a program's alerts: tenant-wide ones and the program's own. */
  adminsOfProgram(filter: TenantScoped<{ programId?: string }>): Promise<AdminContact[]> {
    const scopes: Record<string, unknown>[] = [{ programId: { $exists: false } }];
    if (filter.programId !== undefined) scopes.push({ programId: filter.programId });
    return this.admins
      .find({ tenantId: filter.tenantId, $or: scopes })
      .lean<AdminContact[]>()
      .exec();
  }

  findAdmin(key: TenantScoped<{ _id: string }>): Promise<AdminContact | null> {
    return this.admins.findOne(key).lean<AdminContact>().exec();
  }

  async deleteAdmin(key: TenantScoped<{ _id: string }>): Promise<boolean> {
    return (await this.admins.deleteOne(key).exec()).deletedCount === 1;
  }
}
