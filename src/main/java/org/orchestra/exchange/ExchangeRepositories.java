package org.orchestra.exchange;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Clients extends JpaRepository<ExchangeClient, UUID> {

	Optional<ExchangeClient> findByClientId(String clientId);

	List<ExchangeClient> findByPartnerIdOrderByName(String partnerId);

	List<ExchangeClient> findAllByOrderByPartnerIdAscNameAsc();
}

interface Rights extends JpaRepository<AccessRight, UUID> {

	List<AccessRight> findByClientIdAndServiceAndOperationAndStatus(String clientId, String service, String operation,
			RightStatus status);

	List<AccessRight> findByClientIdAndStatus(String clientId, RightStatus status);

	List<AccessRight> findByPartnerIdOrderByRequestedAtDesc(String partnerId);

	List<AccessRight> findAllByOrderByRequestedAtDesc();
}

interface Population extends JpaRepository<PopulationMember, UUID> {

	boolean existsByPartnerIdAndPersonHash(String partnerId, String personHash);

	long countByPartnerId(String partnerId);
}

interface Transactions extends JpaRepository<LoggedTransaction, Long>, JpaSpecificationExecutor<LoggedTransaction> {

	Optional<LoggedTransaction> findByMessageId(String messageId);

	@Query("select t from LoggedTransaction t where t.seq > :after order by t.seq")
	List<LoggedTransaction> after(@Param("after") long after, Pageable page);

	@Query("select t.partnerId, t.service, t.outcome, t.latencyMs from LoggedTransaction t where t.at >= :since")
	List<Object[]> since(@Param("since") java.time.Instant since);

	@Query("select t from LoggedTransaction t where t.seq >= :from and t.seq <= :to order by t.seq")
	List<LoggedTransaction> range(@Param("from") long from, @Param("to") long to);
}

interface Checkpoints extends JpaRepository<Checkpoint, Long> {

	@Query("select c from Checkpoint c where c.seq >= :seq order by c.seq")
	List<Checkpoint> covering(@Param("seq") long seq, Pageable page);

	Optional<Checkpoint> findTopByOrderBySeqDesc();
}
