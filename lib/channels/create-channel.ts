import { z } from 'zod';
import type { Db } from '@/db/client';
import { channelKind, channels } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { DomainError } from '@/lib/errors';
import { ZLocalNames, type LocalNames } from '@/lib/i18n/local-name';
import { channelAuthenticator } from './authenticate';
import { addChannelCredential, CREDENTIAL_KINDS, type NewCredential } from './credentials';
import type { SecretKeys } from './keys';

export const CHANNEL_KINDS = channelKind.enumValues;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** The code is the channel's name in API paths (`/api/v1/channels/{code}/orders`). */
export const CHANNEL_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_CHANNEL_CODE_LENGTH = 50;

export const ZCreateChannelInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'The channel code is required.')
    .max(MAX_CHANNEL_CODE_LENGTH, `The channel code has at most ${MAX_CHANNEL_CODE_LENGTH} characters.`)
    .regex(
      CHANNEL_CODE_PATTERN,
      'The channel code takes lowercase letters, digits and single dashes between them (e.g. web, marketplace-2).',
    ),
  name: z
    .string()
    .trim()
    .min(1, 'The channel needs a name (--name).')
    .max(120, 'The channel name has at most 120 characters.'),
  /** What the interface shows in a language instead of the name (lib/i18n/local-name.ts). */
  names: ZLocalNames.default({}),
  kind: z.enum(CHANNEL_KINDS, { message: `The channel kind is one of ${CHANNEL_KINDS.join(', ')}.` }),
  allowSplitShipments: z.boolean().default(false),
  allowBackorders: z.boolean().default(false),
  allowShipToStore: z.boolean().default(false),
});
export type CreateChannelInput = z.input<typeof ZCreateChannelInput>;

export type CreatedChannel = {
  channel: {
    id: string;
    code: string;
    name: string;
    names: LocalNames;
    kind: ChannelKind;
    allowSplitShipments: boolean;
    allowBackorders: boolean;
    allowShipToStore: boolean;
  };
  /** Its first signing secret and read token: shown once, stored only encrypted (signing) or hashed (read). */
  created: NewCredential[];
};

/** The input, or validation_failed saying every field that is wrong. */
export function parseCreateChannelInput(raw: CreateChannelInput): z.output<typeof ZCreateChannelInput> {
  const parsed = ZCreateChannelInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new DomainError('validation_failed', parsed.error.issues.map((i) => i.message).join(' '), {
    fields: parsed.error.issues.map((i) => i.path.join('.')),
  });
}

/**
 * Creates a channel with its first signing secret and read token, in one transaction audited
 * without the values. A taken code is a conflict and writes nothing.
 */
export async function createChannel(
  db: Db,
  raw: CreateChannelInput,
  opts: { keys?: SecretKeys; actorId?: string | null } = {},
): Promise<CreatedChannel> {
  const input = parseCreateChannelInput(raw);
  const result = await db.transaction(async (tx) => {
    // ON CONFLICT: a concurrent creation of the same code loses cleanly instead of failing on the unique index.
    const [channel] = await tx.insert(channels).values(input).onConflictDoNothing({ target: channels.code }).returning({
      id: channels.id,
      code: channels.code,
      name: channels.name,
      names: channels.names,
      kind: channels.kind,
      allowSplitShipments: channels.allowSplitShipments,
      allowBackorders: channels.allowBackorders,
      allowShipToStore: channels.allowShipToStore,
    });
    if (!channel) throw new DomainError('conflict', `A channel with the code "${input.code}" already exists.`);
    const created: NewCredential[] = [];
    for (const kind of CREDENTIAL_KINDS)
      created.push(await addChannelCredential(tx, { channelId: channel.id, kind, keys: opts.keys }));
    await writeAudit(tx, {
      actorId: opts.actorId ?? null,
      action: 'channel.created',
      entityType: 'channel',
      entityId: channel.id,
      data: {
        code: channel.code,
        name: channel.name,
        names: channel.names,
        kind: channel.kind,
        allowSplitShipments: channel.allowSplitShipments,
        allowBackorders: channel.allowBackorders,
        allowShipToStore: channel.allowShipToStore,
        created: created.map((c) => ({ id: c.id, kind: c.kind, hint: c.hint })),
      },
    });
    return { channel, created };
  });
  // This process may remember the code as unknown; others read it again on their first miss.
  channelAuthenticator(db).forget(result.channel.code);
  return result;
}
