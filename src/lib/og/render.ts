import sharp, { type OverlayOptions } from 'sharp';
import {
  backgroundSvg,
  CHIP,
  COLOURS,
  OG_HEIGHT,
  OG_WIDTH,
  pangoMarkup,
  TITLE_BOX,
  TITLE_SIZES,
  type CardContent,
} from './card.ts';

interface Text {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/** Lays out text with Pango (wrapping at word boundaries within `width`) into a transparent PNG. */
async function text(markup: string, width: number, spacing = 0): Promise<Text> {
  const { data, info } = await sharp({ text: { text: markup, width, dpi: 72, rgba: true, wrap: 'word', spacing } })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Draws the card as a 1200×630 PNG: the background is an SVG (librsvg); the title and the topic are laid
 * out by Pango. The title takes the largest size at which it fits the title box.
 */
export async function renderCard(card: CardContent): Promise<Buffer> {
  let title: Text | undefined;
  for (const size of TITLE_SIZES) {
    title = await text(pangoMarkup(card.title, size, COLOURS.text, true), TITLE_BOX.width, Math.round(size * 0.2));
    if (title.height <= TITLE_BOX.height) break;
  }
  if (!title || title.height > TITLE_BOX.height)
    throw new Error(`og image: the title "${card.title}" does not fit the card`);
  const layers: OverlayOptions[] = [{ input: title.data, left: TITLE_BOX.left, top: TITLE_BOX.top }];
  let topicWidth = 0;
  if (card.topic) {
    const topic = await text(pangoMarkup(card.topic, CHIP.fontSize, COLOURS.accent), TITLE_BOX.width);
    topicWidth = topic.width;
    layers.push({
      input: topic.data,
      left: CHIP.left + CHIP.padding,
      top: CHIP.top + Math.round((CHIP.height - topic.height) / 2),
    });
  }
  return sharp(Buffer.from(backgroundSvg(card, topicWidth)))
    .resize(OG_WIDTH, OG_HEIGHT)
    .composite(layers)
    .png({ compressionLevel: 9 })
    .toBuffer();
}
