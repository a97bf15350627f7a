import { z } from 'zod';
import { Timestamp } from './common.js';
import { ThemeSettings } from './themes.js';

/** Who created a site version. */
export const SiteActor = z.object({
  type: z.enum(['admin', 'merchant', 'system']),
  id: z.string().optional(),
});
export type SiteActor = z.infer<typeof SiteActor>;

/** One published snapshot of a store's website: a theme plus validated setting overrides. */
export const SiteVersion = z.object({
  id: z.uuid(),
  version: z.number().int(),
  themeId: z.uuid(),
  themeName: z.string(),
  settings: ThemeSettings,
  isLive: z.boolean(),
  createdBy: SiteActor,
  createdAt: Timestamp,
});
export type SiteVersion = z.infer<typeof SiteVersion>;

/** A store's website: where it is served, which version is live, the draft, and the history. */
export const SiteState = z.object({
  tenantId: z.uuid(),
  websiteUrl: z.string(),
  liveVersion: SiteVersion.nullable(),
  draft: z
    .object({ themeId: z.uuid(), settings: ThemeSettings, updatedAt: Timestamp })
    .nullable()
    .describe('unpublished changes, visible through a preview link only'),
  versions: z.array(SiteVersion).describe('newest first'),
});
export type SiteState = z.infer<typeof SiteState>;

export const SaveSiteDraftBody = z.object({
  themeId: z.uuid(),
  settings: ThemeSettings.default({}),
});
export type SaveSiteDraftBody = z.infer<typeof SaveSiteDraftBody>;

export const PublishSiteBody = z.object({
  themeId: z.uuid().optional().describe('defaults to the draft theme, then the live theme'),
  settings: ThemeSettings.optional().describe('defaults to the draft settings'),
});
export type PublishSiteBody = z.infer<typeof PublishSiteBody>;

export const RollbackSiteBody = z.object({ versionId: z.uuid() });
export type RollbackSiteBody = z.infer<typeof RollbackSiteBody>;

export const PublishSiteResult = z.object({ versionId: z.uuid(), version: z.number().int() });
export type PublishSiteResult = z.infer<typeof PublishSiteResult>;

export const PreviewLinkBody = z.object({
  versionId: z.uuid().optional().describe('a specific version; default: the draft, else live'),
});
export type PreviewLinkBody = z.infer<typeof PreviewLinkBody>;

export const PreviewLink = z.object({
  token: z.string(),
  url: z.string().describe('the website URL with ?preview=<token>'),
  expiresAt: Timestamp,
});
export type PreviewLink = z.infer<typeof PreviewLink>;
