package org.orchestra.incident;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Incident settings.
 *
 * @param categories location of the category tree
 * @param publicUrl the platform's public address, for links in e-mails and feeds
 * @param duplicateRadius distance within which open reports are proposed as duplicates, in metres
 * @param maxPhotos photos per submission
 * @param maxPhotoSize largest accepted photo before re-encoding
 * @param photoMaxEdge longest edge of a published photo, in pixels
 * @param linkSecret secret that signs photo references carried between form steps
 * @param defaultWindow default time window of Open311 request lists
 */
@ConfigurationProperties("orchestra.incident")
record IncidentProperties(@DefaultValue("classpath:incident/categories.csv") String categories,
		@DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue("50") double duplicateRadius,
		@DefaultValue("6") int maxPhotos, @DefaultValue("15MB") DataSize maxPhotoSize,
		@DefaultValue("2048") int photoMaxEdge, @DefaultValue("") String linkSecret,
		@DefaultValue("90d") Duration defaultWindow) {
}
