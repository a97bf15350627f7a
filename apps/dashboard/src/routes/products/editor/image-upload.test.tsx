import type { MediaItem, ProductInputBody } from '@orbit360/contracts';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { signIn } from '../../../lib/session-store.js';
import {
  fixtureId,
  loginResponse,
  noCollections,
  overviewPayload,
  productList,
  productPayload,
  usagePayload,
} from '../../../test/fixtures.js';
import { API, renderApp, setupDashboard, stubFetch } from '../../../test/render-app.js';

/** The browser's XMLHttpRequest, as the upload uses it: tests drive progress and the answer. */
class FakeXhr {
  static instances: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = '';
  upload: {
    onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeXhr.instances.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    act(() => this.onload?.());
  }
}

function mediaItem(status: MediaItem['status'], id = fixtureId()): MediaItem {
  const sizes =
    status === 'ready' ? [160, 480].map((w) => ({ width: w, height: w, bytes: 10 })) : [];
  return {
    id,
    status,
    mimeType: 'image/jpeg',
    width: 800,
    height: 800,
    bytes: 1000,
    alt: '',
    sizes,
    urls: {
      original: `/media/${id}/original`,
      sizes: Object.fromEntries(
        sizes.map((s) => [String(s.width), `/media/${id}/${s.width}.webp`]),
      ),
    },
    error: null,
    createdAt: new Date().toISOString(),
  };
}

describe('product editor: image upload', () => {
  beforeEach(() => {
    setupDashboard();
    FakeXhr.instances = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  });

  it('uploads several files with progress, shows processing until ready, then saves their media ids', async () => {
    const session = loginResponse();
    signIn({ token: session.token, merchant: session.merchant, email: 'ada@lovelace-books.test' });
    const product = productPayload({ images: [] });
    const first = mediaItem('processing');
    const second = mediaItem('processing');
    let ready = false;
    const requests = stubFetch({
      'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }),
      'GET /api/merchant/usage': () => ({ status: 200, body: usagePayload() }),
      'GET /api/merchant/collections': () => ({ status: 200, body: noCollections() }),
      'GET /api/merchant/products': () => ({ status: 200, body: productList([]) }),
      [`GET /api/merchant/products/${product.id}`]: () => ({ status: 200, body: product }),
      'GET /api/merchant/media': () => ({
        status: 200,
        body: {
          items: [first, second].map((m) => (ready ? mediaItem('ready', m.id) : m)),
          page: 1,
          pageSize: 50,
          total: 2,
        },
      }),
      [`PUT /api/merchant/products/${product.id}`]: () => ({
        status: 200,
        body: { ...product, revision: product.revision + 1 },
      }),
    });
    renderApp(`/products/${product.id}`);
    const user = userEvent.setup();
    const input = await screen.findByLabelText('Upload images');
    await user.upload(input, [
      new File(['a'], 'front.jpg', { type: 'image/jpeg' }),
      new File(['b'], 'back.png', { type: 'image/png' }),
    ]);

    expect(FakeXhr.instances).toHaveLength(2);
    const [xhrA, xhrB] = FakeXhr.instances as [FakeXhr, FakeXhr];
    expect(xhrA.method).toBe('POST');
    expect(xhrA.url).toBe(`${API}/api/merchant/media`);
    expect(xhrA.headers.authorization).toBe(`Bearer ${session.token}`);
    expect((xhrA.body as FormData).get('file')).toBeInstanceOf(File);

    xhrA.progress(50, 100);
    expect(screen.getByLabelText('Uploading front.jpg')).toHaveValue(0.5);
    xhrA.respond(201, first);
    xhrB.respond(201, second);
    await waitFor(() =>
      expect(screen.queryByLabelText('Uploading front.jpg')).not.toBeInTheDocument(),
    );
    expect(await screen.findAllByText('Uploaded image: processing…')).toHaveLength(2);

    ready = true;
    await waitFor(() => expect(screen.getAllByText('Uploaded image')).toHaveLength(2), {
      timeout: 5000,
    });
    await user.type(screen.getByLabelText('Image 1 alt text'), 'Front');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByTestId('toast')).toHaveTextContent('Product saved');
    const put = requests.find((r) => r.method === 'PUT')!;
    expect((put.body as ProductInputBody).images).toEqual([
      { mediaId: first.id, alt: 'Front' },
      { mediaId: second.id, alt: '' },
    ]);
  });

  it('shows why an upload was refused', async () => {
    const session = loginResponse();
    signIn({ token: session.token, merchant: session.merchant, email: 'ada@lovelace-books.test' });
    const product = productPayload({ images: [] });
    stubFetch({
      'GET /api/merchant/overview': () => ({ status: 200, body: overviewPayload() }),
      'GET /api/merchant/usage': () => ({ status: 200, body: usagePayload() }),
      'GET /api/merchant/collections': () => ({ status: 200, body: noCollections() }),
      [`GET /api/merchant/products/${product.id}`]: () => ({ status: 200, body: product }),
    });
    renderApp(`/products/${product.id}`);
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText('Upload images'), [
      new File(['x'], 'notes.jpg', { type: 'image/jpeg' }),
    ]);
    FakeXhr.instances[0]!.respond(415, {
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The file is not a supported image' },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is not a supported image');
  });
});
