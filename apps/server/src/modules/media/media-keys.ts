/** Where a media item's files live in storage: `media/<tenant>/<id>/original`, `…/<width>.webp`. */
export const mediaKeys = {
  original: (tenantId: string, id: string) => `media/${tenantId}/${id}/original`,
  size: (tenantId: string, id: string, width: number) => `media/${tenantId}/${id}/${width}.webp`,
};
