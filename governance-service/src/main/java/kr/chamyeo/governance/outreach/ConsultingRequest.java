package kr.chamyeo.governance.outreach;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A district's request for consulting (수시 컨설팅) and how the city's support team handled it. */
@Entity
@Table(name = "consulting_request")
public class ConsultingRequest extends PanacheEntityBase {

    @Schema(name = "ConsultingStatus")
    public enum Status { OPEN, ANSWERED }

    @Id
    public UUID id;
    public String district;
    public LocalDate requestedOn;
    public String topic;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String answer;
    public LocalDate answeredOn;
}
