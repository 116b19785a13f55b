package org.orchestra.incident;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.springframework.stereotype.Component;

/**
 * Makes a citizen's photo safe to publish: reads the GPS position (to propose the location) and the orientation
 * from its metadata, then decodes it, turns it upright, shrinks it and re-encodes it as a JPEG, which drops every
 * piece of metadata (GPS, camera, owner). Refuses what is not a JPEG, PNG or GIF image, and images whose
 * dimensions could exhaust memory.
 */
@Component
class PhotoSanitiser {

	static final long MAX_PIXELS = 50_000_000L;

	private final IncidentProperties properties;

	PhotoSanitiser(IncidentProperties properties) {
		this.properties = properties;
	}

	record Sanitised(byte[] jpeg, int width, int height, Optional<double[]> gps) {
	}

	Sanitised sanitise(byte[] original) {
		if (original.length == 0) {
			throw new IncidentException("incident.error.photo-empty");
		}
		if (original.length > properties.maxPhotoSize().toBytes()) {
			throw new IncidentException("incident.error.photo-too-large", 413);
		}
		Optional<double[]> gps = Optional.empty();
		int orientation = 1;
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original));
			GpsDirectory gpsDirectory = metadata.getFirstDirectoryOfType(GpsDirectory.class);
			if (gpsDirectory != null) {
				GeoLocation location = gpsDirectory.getGeoLocation();
				if (location != null && !location.isZero()) {
					gps = Optional.of(new double[] { location.getLongitude(), location.getLatitude() });
				}
			}
			ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
			if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
				orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
			}
		}
		catch (Exception ex) {
			// no readable metadata: the image itself is checked below
		}
		BufferedImage image = decode(original);
		image = upright(image, orientation);
		image = shrink(image, properties.photoMaxEdge());
		return new Sanitised(encode(image), image.getWidth(), image.getHeight(), gps);
	}

	private static BufferedImage decode(byte[] bytes) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (input == null || !readers.hasNext()) {
				throw new IncidentException("incident.error.photo-type", 415);
			}
			ImageReader reader = readers.next();
			String format = reader.getFormatName().toLowerCase();
			if (!format.equals("jpeg") && !format.equals("png") && !format.equals("gif")) {
				throw new IncidentException("incident.error.photo-type", 415);
			}
			try {
				reader.setInput(input, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0 || pixels > MAX_PIXELS) {
					throw new IncidentException("incident.error.photo-too-large", 413);
				}
				BufferedImage image = reader.read(0);
				if (image == null) {
					throw new IncidentException("incident.error.photo-type", 415);
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof IncidentException incident) {
				throw incident;
			}
			throw new IncidentException("incident.error.photo-type", 415);
		}
	}

	private static BufferedImage upright(BufferedImage image, int orientation) {
		int w = image.getWidth();
		int h = image.getHeight();
		AffineTransform transform = new AffineTransform();
		boolean swap = false;
		switch (orientation) {
			case 2 -> { transform.scale(-1, 1); transform.translate(-w, 0); }
			case 3 -> { transform.translate(w, h); transform.rotate(Math.PI); }
			case 4 -> { transform.scale(1, -1); transform.translate(0, -h); }
			case 5 -> { transform.rotate(-Math.PI / 2); transform.scale(-1, 1); swap = true; }
			case 6 -> { transform.translate(h, 0); transform.rotate(Math.PI / 2); swap = true; }
			case 7 -> { transform.scale(-1, 1); transform.translate(-h, 0); transform.translate(0, w); transform.rotate(3 * Math.PI / 2); swap = true; }
			case 8 -> { transform.translate(0, w); transform.rotate(3 * Math.PI / 2); swap = true; }
			default -> { return image; }
		}
		BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = turned.createGraphics();
		g.drawImage(image, transform, null);
		g.dispose();
		return turned;
	}

	private static BufferedImage shrink(BufferedImage image, int maxEdge) {
		int w = image.getWidth();
		int h = image.getHeight();
		double scale = Math.min(1.0, (double) maxEdge / Math.max(w, h));
		int width = Math.max(1, (int) Math.round(w * scale));
		int height = Math.max(1, (int) Math.round(h * scale));
		BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = result.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.drawImage(image, 0, 0, width, height, null);
		g.dispose();
		return result;
	}

	private static byte[] encode(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			ImageWriteParam params = writer.getDefaultWriteParam();
			params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			params.setCompressionQuality(0.85f);
			writer.setOutput(out);
			writer.write(null, new IIOImage(image, null, null), params);
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException("JPEG encoding failed", ex);
		}
		finally {
			writer.dispose();
		}
	}
}
