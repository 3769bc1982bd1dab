package dev.incidentconsole.runbook.testing;

import static dev.incidentconsole.runbook.testing.SecretFormTables.form;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The short names a note types a password by in a hurry (pw, pwd, PW), for {@link SecretFormTables}. */
final class ShortPasswordForms {
    private ShortPasswordForms() {
    }

    static Stream<Arguments> forms() {
        return Stream.of(
                form("prose-password", "disk fine; redis admin pw is Sup3r-Secr3t-99 (rotate later)", "Sup3r-Secr3t-99",
                        "disk fine; redis admin pw is **** (rotate later)"),
                form("prose-password", "staging db pwd: Tr0ub4dor-3x until friday", "Tr0ub4dor-3x",
                        "staging db pwd: **** until friday"),
                form("prose-password", "the root PW was changed to Spr1ngTime9", "Spr1ngTime9",
                        "the root PW was changed to ****"),
                form("secret-assignment", "pw=Hunter22x", "Hunter22x", "pw=****"),
                form("secret-assignment", "export PW=Sup3rSecret9", "Sup3rSecret9", "export PW=****"),
                form("prose-password", "new pw -> Sup3rSecret9", "Sup3rSecret9", "new pw -> ****"),
                form("prose-password", "pw (admin): Sup3rSecret9", "Sup3rSecret9", "pw (admin): ****"),
                // a pwd or PW opening a note, and a pwd whose value has a slash, are passwords all the same
                form("prose-password", "pwd: Tr0ub4dor&3x", "Tr0ub4dor&3x", "pwd: ****"),
                form("prose-password", "PW: Tr0ub4dor&3x", "Tr0ub4dor&3x", "PW: ****"),
                form("prose-password", "root pwd: ab/cd9Kxq", "ab/cd9Kxq", "root pwd: ****"));
    }
}
