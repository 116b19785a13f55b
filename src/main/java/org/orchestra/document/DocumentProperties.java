package org.orchestra.document;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Document settings.
 *
 * @param storageDirectory where the file-system storage keeps content
 * @param maxSize largest accepted document
 * @param allowedTypes content types accepted on upload, as detected from the bytes
 */
@ConfigurationProperties("orchestra.document")
record DocumentProperties(@DefaultValue("./data/documents") Path storageDirectory,
		@DefaultValue("20MB") DataSize maxSize,
		@DefaultValue({ "application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain",
				"text/csv", "application/vnd.oasis.opendocument.text",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document" }) List<String> allowedTypes) {
}
