package org.orchestra.assistant;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the counter assistant.
 *
 * @param refresh how long the knowledge index is used before it is rebuilt from the modules' content
 * @param minCoverage share (0–1, weighted by rarity) of the question's terms an entry must contain to answer
 * @param minScore lowest relevance score (BM25) of an answer
 * @param maxSources most entries shown with an answer
 * @param communeBoost factor applied to entries of the asker's commune over regional ones
 * @param retention how long closed conversations are kept before they are erased (counts are kept)
 * @param retentionCron when erasure runs
 * @param maxQuestionLength longest question accepted, in characters
 * @param publicUrl the platform's public address, for links in e-mails
 */
@ConfigurationProperties("orchestra.assistant")
record AssistantProperties(@DefaultValue("1m") Duration refresh, @DefaultValue("0.6") double minCoverage,
		@DefaultValue("0.5") double minScore, @DefaultValue("3") int maxSources, @DefaultValue("1.3") double communeBoost,
		@DefaultValue("90d") Duration retention, @DefaultValue("0 45 3 * * *") String retentionCron,
		@DefaultValue("1000") int maxQuestionLength, @DefaultValue("http://localhost:8080") String publicUrl) {
}
