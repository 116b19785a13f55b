package org.orchestra.incident;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Photos for tests: real JPEGs, optionally with an EXIF block carrying GPS, orientation and an owner name. */
public final class TestPhotos {

	private TestPhotos() {
	}

	public static byte[] jpeg(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(120, 110, 100));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.DARK_GRAY);
		g.fillOval(width / 4, height / 4, width / 2, height / 3);
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "jpeg", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A JPEG whose EXIF holds a GPS position, an orientation and the camera owner's name. */
	public static byte[] jpegWithExif(int width, int height, double lon, double lat, int orientation, String owner) {
		byte[] plain = jpeg(width, height);
		byte[] ownerBytes = (owner + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteBuffer tiff = ByteBuffer.allocate(200 + ownerBytes.length);
		tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
		// IFD0 at 8: orientation, artist, GPS pointer
		int ifd0 = 8;
		int gpsIfd = ifd0 + 2 + 3 * 12 + 4;
		int gpsEnd = gpsIfd + 2 + 4 * 12 + 4;
		int latData = gpsEnd;
		int lonData = latData + 24;
		int ownerData = lonData + 24;
		tiff.putShort((short) 3);
		entry(tiff, 0x0112, 3, 1, orientation << 16);
		entry(tiff, 0x013B, 2, ownerBytes.length, ownerData);
		entry(tiff, 0x8825, 4, 1, gpsIfd);
		tiff.putInt(0);
		tiff.putShort((short) 4);
		entry(tiff, 0x0001, 2, 2, ('N' << 24));
		entry(tiff, 0x0002, 5, 3, latData);
		entry(tiff, 0x0003, 2, 2, ('E' << 24));
		entry(tiff, 0x0004, 5, 3, lonData);
		tiff.putInt(0);
		rationals(tiff, lat);
		rationals(tiff, lon);
		tiff.put(ownerBytes);
		byte[] tiffBytes = new byte[tiff.position()];
		tiff.flip();
		tiff.get(tiffBytes);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
		int length = 2 + exifHeader.length + tiffBytes.length;
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(exifHeader);
		out.writeBytes(tiffBytes);
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	private static void entry(ByteBuffer buffer, int tag, int type, int count, int value) {
		buffer.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
	}

	private static void rationals(ByteBuffer buffer, double value) {
		int degrees = (int) value;
		double minutesFull = (value - degrees) * 60;
		int minutes = (int) minutesFull;
		int seconds = (int) Math.round((minutesFull - minutes) * 60 * 1000);
		buffer.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt(seconds).putInt(1000);
	}
}
