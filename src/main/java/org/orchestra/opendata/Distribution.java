package org.orchestra.opendata;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/** One distribution of a dataset: a file, an API or a page giving access to the data. */
@Embeddable
public class Distribution {

	@Column(nullable = false)
	private UUID id;

	private @Nullable String uri;

	@Convert(converter = Texts.MapConverter.class)
	@Column(name = "title_json", nullable = false)
	private Map<String, String> title;

	@Convert(converter = Texts.MapConverter.class)
	@Column(name = "description_json", nullable = false)
	private Map<String, String> description;

	@Column(name = "access_url", nullable = false)
	private String accessUrl;

	@Column(name = "download_url")
	private @Nullable String downloadUrl;

	private @Nullable String format;

	@Column(name = "media_type")
	private @Nullable String mediaType;

	private @Nullable String licence;

	@Column(name = "byte_size")
	private @Nullable Long byteSize;

	private @Nullable Instant modified;

	protected Distribution() {
		this.id = UUID.randomUUID();
		this.title = Map.of();
		this.description = Map.of();
		this.accessUrl = "";
	}

	Distribution(UUID id, DatasetRecord.DistributionRecord record) {
		this.id = id;
		this.uri = record.uri();
		this.title = record.title();
		this.description = record.description();
		this.accessUrl = record.accessUrl();
		this.downloadUrl = record.downloadUrl();
		this.format = record.format();
		this.mediaType = record.mediaType();
		this.licence = record.licence();
		this.byteSize = record.byteSize();
		this.modified = record.modified();
	}

	public UUID id() {
		return id;
	}

	public @Nullable String uri() {
		return uri;
	}

	public Map<String, String> title() {
		return title;
	}

	public Map<String, String> description() {
		return description;
	}

	public String accessUrl() {
		return accessUrl;
	}

	public @Nullable String downloadUrl() {
		return downloadUrl;
	}

	/** EU file-type code ({@code CSV}) when known. */
	public @Nullable String format() {
		return format;
	}

	public @Nullable String mediaType() {
		return mediaType;
	}

	public @Nullable String licence() {
		return licence;
	}

	public @Nullable Long byteSize() {
		return byteSize;
	}

	public @Nullable Instant modified() {
		return modified;
	}

	/** The URL to fetch the data from: the download URL when there is one, else the access URL. */
	public String dataUrl() {
		return downloadUrl != null ? downloadUrl : accessUrl;
	}

	DatasetRecord.DistributionRecord toRecord() {
		return new DatasetRecord.DistributionRecord(uri, title, description, accessUrl, downloadUrl, format, mediaType,
				licence, byteSize, modified);
	}
}
