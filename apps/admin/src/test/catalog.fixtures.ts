/**
 * API payloads recorded from a running Orbit360 server (GET /api/provisioning/themes and
 * /plans), used by component tests that stub fetch at the network boundary.
 */
import type { Plan, Theme } from '@orbit360/contracts';

export const themes: Theme[] = [
  {
    id: '12e16209-b2df-418a-96f3-1d62d57bb021',
    key: 'modern',
    name: 'Modern',
    description:
      'Bold, high-contrast storefront with a full-bleed hero, rounded cards and a sans-serif type scale. Great for fashion, tech and lifestyle brands.',
    preview: {
      primary: '#4f46e5',
      secondary: '#0f172a',
      accent: '#f59e0b',
      background: '#ffffff',
      text: '#0f172a',
      layout: 'full-bleed hero',
    },
    configSchema: {
      colors: {
        text: {
          type: 'color',
          label: 'Text',
          default: '#0f172a',
        },
        accent: {
          type: 'color',
          label: 'Accent',
          default: '#f59e0b',
        },
        primary: {
          type: 'color',
          label: 'Primary',
          default: '#4f46e5',
        },
        secondary: {
          type: 'color',
          label: 'Secondary',
          default: '#0f172a',
        },
        background: {
          type: 'color',
          label: 'Background',
          default: '#ffffff',
        },
      },
      fonts: {
        body: {
          type: 'font',
          label: 'Body text',
          options: [
            'Inter',
            'Playfair Display',
            'Lora',
            'Helvetica Neue',
            'Georgia',
            'IBM Plex Sans',
            'Space Grotesk',
          ],
          default: 'Inter',
        },
        heading: {
          type: 'font',
          label: 'Headings',
          options: [
            'Inter',
            'Playfair Display',
            'Lora',
            'Helvetica Neue',
            'Georgia',
            'IBM Plex Sans',
            'Space Grotesk',
          ],
          default: 'Space Grotesk',
        },
      },
      layout: {
        heroHeight: {
          type: 'select',
          label: 'Hero height',
          options: ['small', 'medium', 'large'],
          default: 'medium',
        },
        headerStyle: {
          type: 'select',
          label: 'Header style',
          options: ['centered', 'left', 'split'],
          default: 'left',
        },
        productGridColumns: {
          type: 'number',
          label: 'Product grid columns',
          min: 2,
          max: 5,
          default: 4,
        },
      },
      features: {
        newsletter: {
          type: 'boolean',
          label: 'Newsletter block',
          default: true,
        },
        showVendor: {
          type: 'boolean',
          label: 'Show category on product cards',
          default: true,
        },
        announcementBar: {
          type: 'boolean',
          label: 'Announcement bar',
          default: true,
        },
        announcementText: {
          type: 'text',
          label: 'Announcement text',
          maxLength: 160,
          default: 'Free shipping on orders over $50',
        },
      },
    },
    defaults: {
      colors: {
        text: '#0f172a',
        accent: '#f59e0b',
        primary: '#4f46e5',
        secondary: '#0f172a',
        background: '#ffffff',
      },
      fonts: {
        body: 'Inter',
        heading: 'Space Grotesk',
      },
      layout: {
        heroHeight: 'medium',
        headerStyle: 'left',
        productGridColumns: 4,
      },
      features: {
        newsletter: true,
        showVendor: true,
        announcementBar: true,
        announcementText: 'Free shipping on orders over $50',
      },
    },
    isSystem: true,
    isArchived: false,
    createdAt: '2026-11-25T13:37:11.629Z',
    updatedAt: '2026-11-25T13:37:11.629Z',
  },
  {
    id: '6e36a895-d5cc-4e5c-81de-a8905dbaeb14',
    key: 'classic',
    name: 'Classic',
    description:
      'Timeless boutique look: serif headings, warm neutrals, centered logo and a framed product grid. Suits home goods, books and gifts.',
    preview: {
      primary: '#7c2d12',
      secondary: '#1c1917',
      accent: '#b45309',
      background: '#fdf8f3',
      text: '#292524',
      layout: 'centered boutique',
    },
    configSchema: {
      colors: {
        text: {
          type: 'color',
          label: 'Text',
          default: '#292524',
        },
        accent: {
          type: 'color',
          label: 'Accent',
          default: '#b45309',
        },
        primary: {
          type: 'color',
          label: 'Primary',
          default: '#7c2d12',
        },
        secondary: {
          type: 'color',
          label: 'Secondary',
          default: '#1c1917',
        },
        background: {
          type: 'color',
          label: 'Background',
          default: '#fdf8f3',
        },
      },
      fonts: {
        body: {
          type: 'font',
          label: 'Body text',
          options: [
            'Inter',
            'Playfair Display',
            'Lora',
            'Helvetica Neue',
            'Georgia',
            'IBM Plex Sans',
            'Space Grotesk',
          ],
          default: 'Lora',
        },
        heading: {
          type: 'font',
          label: 'Headings',
          options: [
            'Inter',
            'Playfair Display',
            'Lora',
            'Helvetica Neue',
            'Georgia',
            'IBM Plex Sans',
            'Space Grotesk',
          ],
          default: 'Playfair Display',
        },
      },
      layout: {
        heroHeight: {
          type: 'select',
          label: 'Hero height',
          options: ['small', 'medium', 'large'],
          default: 'medium',
        },
        headerStyle: {
          type: 'select',
          label: 'Header style',
          options: ['centered', 'left', 'split'],
          default: 'centered',
        },
        productGridColumns: {
          type: 'number',
          label: 'Product grid columns',
          min: 2,
          max: 5,
          default: 3,
        },
      },
      features: {
        newsletter: {
          type: 'boolean',
          label: 'Newsletter block',
          default: true,
        },
        showVendor: {
          type: 'boolean',
          label: 'Show category on product cards',
          default: true,
        },
        announcementBar: {
          type: 'boolean',
          label: 'Announcement bar',
          default: true,
        },
        announcementText: {
          type: 'text',
          label: 'Announcement text',
          maxLength: 160,
          default: 'Free shipping on orders over $50',
        },
      },
    },
    defaults: {
      colors: {
        text: '#292524',
        accent: '#b45309',
        primary: '#7c2d12',
        secondary: '#1c1917',
        background: '#fdf8f3',
      },
      fonts: {
        body: 'Lora',
        heading: 'Playfair Display',
      },
      layout: {
        heroHeight: 'medium',
        headerStyle: 'centered',
        productGridColumns: 3,
      },
      features: {
        newsletter: true,
        showVendor: true,
        announcementBar: true,
        announcementText: 'Free shipping on orders over $50',
      },
    },
    isSystem: true,
    isArchived: false,
    createdAt: '2026-11-25T13:37:11.633Z',
    updatedAt: '2026-11-25T13:37:11.633Z',
  },
  {
    id: 'b22bdef1-5065-4845-a24a-7bf547a477e6',
    key: 'minimal',
    name: 'Minimal',
    description:
      'Quiet, airy and typographic: lots of white space, thin rules and a monochrome palette that lets products speak.',
    preview: {
      primary: '#111111',
      secondary: '#6b7280',
      accent: '#111111',
      background: '#fafafa',
      text: '#111111',
      layout: 'airy grid',
    },
    configSchema: {
      colors: {
        text: {
          type: 'color',
          label: 'Text',
          default: '#111111',
        },
        accent: {
          type: 'color',
          label: 'Accent',
          default: '#111111',
        },
        primary: {
          type: 'color',
          label: 'Primary',
          default: '#111111',
        },
        secondary: {
          type: 'color',
          label: 'Secondary',
          default: '#6b7280',
        },
        background: {
          type: 'color',
          label: 'Background',
          default: '#fafafa',
        },
      },
      fonts: {
        body: {
          type: 'font',
          label: 'Body text',
          options: [
            'Inter',
            'Playfair Display',
            'Lora',
            'Helvetica Neue',
            'Georgia',
            'IBM Plex Sans',
            'Space Grotesk',
          ],
          default: 'Helvetica Neue',
        },
        heading: {
          type: 'font',
          label: 'Headings',
          options: [
            'Inter',
            'Playfair Display',
            'Lora',
            'Helvetica Neue',
            'Georgia',
            'IBM Plex Sans',
            'Space Grotesk',
          ],
          default: 'Helvetica Neue',
        },
      },
      layout: {
        heroHeight: {
          type: 'select',
          label: 'Hero height',
          options: ['small', 'medium', 'large'],
          default: 'medium',
        },
        headerStyle: {
          type: 'select',
          label: 'Header style',
          options: ['centered', 'left', 'split'],
          default: 'split',
        },
        productGridColumns: {
          type: 'number',
          label: 'Product grid columns',
          min: 2,
          max: 5,
          default: 3,
        },
      },
      features: {
        newsletter: {
          type: 'boolean',
          label: 'Newsletter block',
          default: false,
        },
        showVendor: {
          type: 'boolean',
          label: 'Show category on product cards',
          default: true,
        },
        announcementBar: {
          type: 'boolean',
          label: 'Announcement bar',
          default: false,
        },
        announcementText: {
          type: 'text',
          label: 'Announcement text',
          maxLength: 160,
          default: 'Free shipping on orders over $50',
        },
      },
    },
    defaults: {
      colors: {
        text: '#111111',
        accent: '#111111',
        primary: '#111111',
        secondary: '#6b7280',
        background: '#fafafa',
      },
      fonts: {
        body: 'Helvetica Neue',
        heading: 'Helvetica Neue',
      },
      layout: {
        heroHeight: 'medium',
        headerStyle: 'split',
        productGridColumns: 3,
      },
      features: {
        newsletter: false,
        showVendor: true,
        announcementBar: false,
        announcementText: 'Free shipping on orders over $50',
      },
    },
    isSystem: true,
    isArchived: false,
    createdAt: '2026-11-25T13:37:11.634Z',
    updatedAt: '2026-11-25T13:37:11.634Z',
  },
];

export const plans: Plan[] = [
  {
    id: '653728ed-84f4-411d-a954-1547fb231460',
    key: 'starter',
    name: 'Starter',
    description: 'Everything a new store needs to start selling.',
    priceCents: 2999,
    currency: 'USD',
    interval: 'month',
    limits: {
      products: 100,
      staffAccounts: 2,
      storageMb: 1024,
      customDomain: false,
    },
    features: ['Themed storefront', 'Up to 100 products', '2 staff accounts', 'Email support'],
    isPopular: false,
    isArchived: false,
    sortOrder: 1,
    createdAt: '2026-11-25T13:37:11.635Z',
    updatedAt: '2026-11-25T13:37:11.635Z',
  },
  {
    id: 'b0148471-175a-4c2b-bfb0-17f5b9851d76',
    key: 'professional',
    name: 'Professional',
    description: 'For growing brands that need more room and a custom domain.',
    priceCents: 7999,
    currency: 'USD',
    interval: 'month',
    limits: {
      products: 5000,
      staffAccounts: 10,
      storageMb: 20480,
      customDomain: true,
    },
    features: [
      'Everything in Starter',
      'Up to 5,000 products',
      '10 staff accounts',
      'Custom domain',
      'Priority support',
    ],
    isPopular: true,
    isArchived: false,
    sortOrder: 2,
    createdAt: '2026-11-25T13:37:11.635Z',
    updatedAt: '2026-11-25T13:37:11.635Z',
  },
  {
    id: '0eb59942-70ec-46ec-9948-bee11540567f',
    key: 'enterprise',
    name: 'Enterprise',
    description: 'Unlimited scale with dedicated support.',
    priceCents: 29999,
    currency: 'USD',
    interval: 'month',
    limits: {
      products: null,
      staffAccounts: null,
      storageMb: null,
      customDomain: true,
    },
    features: [
      'Everything in Professional',
      'Unlimited products',
      'Unlimited staff accounts',
      'Unlimited storage',
      'Dedicated success manager',
    ],
    isPopular: false,
    isArchived: false,
    sortOrder: 3,
    createdAt: '2026-11-25T13:37:11.635Z',
    updatedAt: '2026-11-25T13:37:11.635Z',
  },
];
