import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { encodePhoto } from '../../api/reports/photos.ts';

// encodePhoto shrinks first and turns the small image (sharp's auto-orient after resize): for every EXIF orientation
// it must match what sharp's own auto-orient of the whole image gives (the four coloured quadrants land in the same
// corners), and so must the thumbnail.
const [W, H] = [80, 40];
const raw = Buffer.alloc(W * H * 3);
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
  const q = (y < H / 2 ? 0 : 2) + (x < W / 2 ? 0 : 1);
  raw.set([[230, 30, 30], [30, 200, 30], [30, 30, 230], [240, 240, 40]][q]!, (y * W + x) * 3);
}

for (const orientation of [1, 2, 3, 4, 5, 6, 7, 8]) {
  test(`EXIF orientation ${orientation} comes out upright, as sharp's rotate() turns it`, async () => {
    const photo = await sharp(raw, { raw: { width: W, height: H, channels: 3 } }).png().withMetadata({ orientation }).toBuffer();
    const want = await sharp(photo).rotate().raw().toBuffer({ resolveWithObject: true });
    const { full, small } = await encodePhoto(photo, 1_000_000);
    const got = await sharp(full.data).raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([got.info.width, got.info.height], [want.info.width, want.info.height]);
    let diff = 0;
    for (let i = 0; i < got.data.length; i++) diff += Math.abs(got.data[i]! - want.data[i]!);
    assert.ok(diff / got.data.length < 12, `mean difference ${(diff / got.data.length).toFixed(1)} (JPEG noise only)`);
    const thumb = await sharp(small).metadata();
    assert.ok(thumb.width! <= 480 && (thumb.width! > thumb.height!) === (want.info.width > want.info.height), `thumbnail ${thumb.width}×${thumb.height}`);
    assert.equal(thumb.orientation, undefined, 'no EXIF orientation left for a viewer to apply twice');
  });
}

test('a photo larger than the box, held sideways (orientation 6), comes out upright at 2048 px on its long edge', async () => {
  const photo = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: { r: 90, g: 120, b: 150 } } })
    .jpeg().withMetadata({ orientation: 6 }).toBuffer();
  const { full, small } = await encodePhoto(photo, 50_000_000);
  assert.deepEqual([full.info.width, full.info.height], [683, 2048]);
  const thumb = await sharp(small).metadata();
  assert.deepEqual([thumb.width, thumb.height], [160, 480]);
});
