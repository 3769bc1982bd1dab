package dev.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelKindsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Symptoms:                              | SYMPTOM
            Symptom                                | SYMPTOM
            Meaning                                | SYMPTOM
            Impact                                 | SYMPTOM
            Understand the alert                   | SYMPTOM
            Alert                                  | SYMPTOM
            Causes:                                | CAUSE
            Possible Cause                         | CAUSE
            Root Cause                             | CAUSE
            Diagnosis:                             | DIAGNOSIS
            Investigation Steps                    | DIAGNOSIS
            Troubleshooting                        | DIAGNOSIS
            How to investigate                     | DIAGNOSIS
            Quick checks                           | DIAGNOSIS
            Checks:                                | DIAGNOSIS
            Check                                  | DIAGNOSIS
            Diagnosis and mitigation               | DIAGNOSIS
            Resolution:                            | RESOLUTION
            Mitigation                             | RESOLUTION
            How to fix                             | RESOLUTION
            Immediate Actions                      | RESOLUTION
            Common Causes & Fixes                  | RESOLUTION
            Action:                                | RESOLUTION
            Response:                              | RESOLUTION
            Possible Solution                      | RESOLUTION
            Solutions List {#solutions-list}       | RESOLUTION
            Recovery Procedures                    | RESOLUTION
            Verification:                          | VERIFICATION
            Resolution Criteria                    | VERIFICATION
            Check Resolution {#check-resolution}   | VERIFICATION
            Rollback:                              | ROLLBACK
            2. Rollback Deployment                 | ROLLBACK
            Prevention:                            | PREVENTION
            Long-term Fixes                        | PREVENTION
            Escalation                             | ESCALATION
            Contact & Escalation                   | ESCALATION
            Owner {#owner}                         | ESCALATION
            Quick Reference                        | REFERENCE
            See also                               | REFERENCE
            Useful resources                       | REFERENCE
            Further Information {#further-information} | REFERENCE
            1. Backend Health Check Failing        | OTHER
            Rate Limiting Issues                   | OTHER
            Severity                               | OTHER
            Alert Runbooks                         | OTHER
            P0 - Critical (Response: Immediate)    | OTHER
            AOS On-Call Runbook                    | OTHER
            ''                                     | OTHER
            """)
    void headingAndLabelWordingGivesTheKind(String text, SectionKind kind) {
        assertThat(LabelKinds.kindOf(text == null ? "" : text)).isEqualTo(kind);
    }
}
