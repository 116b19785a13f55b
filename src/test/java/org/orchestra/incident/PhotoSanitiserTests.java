package org.orchestra.incident;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhotoSanitiserTests {

	final PhotoSanitiser sanitiser = new PhotoSanitiser(new IncidentProperties("classpath:incident/categories.csv",
			"http://localhost", 50, 6, DataSize.ofMegabytes(15), 1024, "", Duration.ofDays(90)));

	@Test
	void readsTheGpsPositionThenStripsEveryMetadata() throws Exception {
		byte[] original = TestPhotos.jpegWithExif(640, 480, 4.3722, 50.8277, 1, "Jan Janssens");
		assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains("Exif").contains("Jan Janssens");

		PhotoSanitiser.Sanitised clean = sanitiser.sanitise(original);

		assertThat(clean.gps()).hasValueSatisfying(gps -> {
			assertThat(gps[0]).isCloseTo(4.3722, org.assertj.core.data.Offset.offset(0.0001));
			assertThat(gps[1]).isCloseTo(50.8277, org.assertj.core.data.Offset.offset(0.0001));
		});
		String published = new String(clean.jpeg(), StandardCharsets.ISO_8859_1);
		assertThat(published).doesNotContain("Exif").doesNotContain("Jan Janssens");
		assertThat(clean.jpeg()[0] & 0xFF).isEqualTo(0xFF);
		assertThat(clean.jpeg()[1] & 0xFF).isEqualTo(0xD8);
	}

	@Test
	void turnsThePhotoUprightAndShrinksIt() throws Exception {
		PhotoSanitiser.Sanitised clean = sanitiser.sanitise(TestPhotos.jpegWithExif(3000, 1000, 4.35, 50.84, 6, "x"));
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(clean.jpeg()));
		assertThat(image.getHeight()).as("rotated a quarter turn, then shrunk to 1024").isEqualTo(1024);
		assertThat(image.getWidth()).isEqualTo(341);
	}

	@Test
	void refusesWhatIsNotAnImage() {
		assertThatThrownBy(() -> sanitiser.sanitise("<?php echo 1; ?>".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(IncidentException.class, ex -> assertThat(ex.status()).isEqualTo(415));
		assertThatThrownBy(() -> sanitiser.sanitise(new byte[0])).isInstanceOf(IncidentException.class);
		byte[] truncated = java.util.Arrays.copyOf(TestPhotos.jpeg(200, 200), 40);
		assertThatThrownBy(() -> sanitiser.sanitise(truncated)).isInstanceOf(IncidentException.class);
	}
}
