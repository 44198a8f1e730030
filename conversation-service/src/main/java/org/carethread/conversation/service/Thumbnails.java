package org.carethread.conversation.service;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

/**
 * Small pictures of the photos patients send, for the conversation view: longest side at most {@link #MAX_SIDE}
 * pixels, PNG, made headless with ImageIO (JPEG, PNG, GIF, BMP, and WebP through TwelveMonkeys' reader; HEIC, which
 * no Java library reads, gets none). A
 * picture that claims huge dimensions is read subsampled, so a decompression bomb never fills the heap.
 */
public final class Thumbnails {
    public static final int MAX_SIDE = 240;
    public static final String TYPE = "image/png";
    /** Pixels decoded at most, after subsampling: a 4000 x 3000 photo at full size is 12 million. */
    private static final long MAX_DECODED_PIXELS = 16_000_000L;
    /** Beyond this many pixels a picture is not one a phone or scanner makes; no thumbnail. */
    private static final long MAX_PIXELS = 400_000_000L;

    static {
        // Registered by hand: ImageIO finds plugins through whichever class loader the thread that first used it
        // had, which in a Quarkus application need not be the one holding the WebP reader.
        IIORegistry.getDefaultInstance().registerServiceProvider(new WebPImageReaderSpi());
    }

    private Thumbnails() {
    }

    /** The thumbnail as PNG bytes, or empty when the bytes are not a picture ImageIO reads. */
    public static Optional<byte[]> of(byte[] picture) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(picture))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.sqrt((double) width * height / MAX_DECODED_PIXELS));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return Optional.of(png(scaled(reader.read(0, param))));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            // A damaged or unusual picture is still kept and downloadable; it just has no thumbnail.
            return Optional.empty();
        }
    }

    private static BufferedImage scaled(BufferedImage image) {
        double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = out.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return out;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
