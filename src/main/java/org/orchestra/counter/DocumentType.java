package org.orchestra.counter;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;
import org.orchestra.shared.LocalizedText;

/** A document of the regional catalogue, with the defaults a commune's offering starts from. */
@Entity
@Table(name = "counter_document_type")
public class DocumentType {

	@Id
	private String code;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Theme theme;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Issuance issuance;

	@Column(name = "title_fr", nullable = false)
	private String titleFr;

	@Column(name = "title_nl", nullable = false)
	private String titleNl;

	@Column(name = "title_en")
	private @Nullable String titleEn;

	@Column(name = "description_fr", nullable = false)
	private String descriptionFr;

	@Column(name = "description_nl", nullable = false)
	private String descriptionNl;

	@Column(name = "description_en")
	private @Nullable String descriptionEn;

	@Column(nullable = false)
	private String keywords;

	@Column(name = "household_allowed", nullable = false)
	private boolean householdAllowed;

	@Column(name = "price_cents", nullable = false)
	private int priceCents;

	@Column(name = "delivery_modes", nullable = false)
	private String deliveryModes;

	@Column(name = "processing_days", nullable = false)
	private int processingDays;

	@Column(nullable = false)
	private int position;

	protected DocumentType() {
	}

	DocumentType(String code, Theme theme, Issuance issuance, LocalizedText title, LocalizedText description,
			String keywords, boolean householdAllowed, int priceCents, Set<DeliveryMode> deliveryModes,
			int processingDays, int position) {
		this.code = code;
		update(theme, issuance, title, description, keywords, householdAllowed, priceCents, deliveryModes,
				processingDays, position);
	}

	void update(Theme theme, Issuance issuance, LocalizedText title, LocalizedText description, String keywords,
			boolean householdAllowed, int priceCents, Set<DeliveryMode> deliveryModes, int processingDays,
			int position) {
		this.theme = theme;
		this.issuance = issuance;
		this.titleFr = title.fr();
		this.titleNl = title.nl();
		this.titleEn = title.en();
		this.descriptionFr = description.fr();
		this.descriptionNl = description.nl();
		this.descriptionEn = description.en();
		this.keywords = keywords;
		this.householdAllowed = householdAllowed;
		this.priceCents = priceCents;
		this.deliveryModes = DeliveryMode.format(deliveryModes);
		this.processingDays = processingDays;
		this.position = position;
	}

	public String code() {
		return code;
	}

	public Theme theme() {
		return theme;
	}

	public Issuance issuance() {
		return issuance;
	}

	public LocalizedText title() {
		return LocalizedText.of(titleFr, titleNl, titleEn);
	}

	public String title(Locale locale) {
		return title().in(locale);
	}

	public LocalizedText description() {
		return LocalizedText.of(descriptionFr, descriptionNl, descriptionEn);
	}

	public List<String> keywords() {
		return Arrays.stream(keywords.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
	}

	public boolean householdAllowed() {
		return householdAllowed;
	}

	public int priceCents() {
		return priceCents;
	}

	public Set<DeliveryMode> deliveryModes() {
		return DeliveryMode.parse(deliveryModes);
	}

	public int processingDays() {
		return processingDays;
	}

	public int position() {
		return position;
	}
}
