package pulse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A new account's fields, one rule a row: refused naming the field, and a password never shown back. */
class AccountRequestTest {

    private static AccountRequest read(String json) throws IOException {
        return AccountRequest.read(PulseJson.mapper().readTree(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"username\":\"zhujian\",\"password\":\"long-enough-password\",\"role\":\"unit\",\"unitId\":\"县住建局\"}",
            "{\"username\":\"王科长\",\"password\":\" spaces count \",\"role\":\"viewer\"}",
            "{\"username\":\"office.admin-2\",\"password\":\"long-enough-password\",\"role\":\"admin\"}"})
    void shouldTakeAWellFormedAccount(String json) throws IOException {
        AccountRequest request = read(json);

        assertThat(request.role()).isIn(AccountRequest.ROLES);
        assertThat(request.password()).hasSizeGreaterThanOrEqualTo(AccountRequest.MIN_PASSWORD);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"password":"long-enough-password","role":"viewer"}                                      | username
            {"username":"x","password":"long-enough-password","role":"viewer"}                       | username
            {"username":"has space","password":"long-enough-password","role":"viewer"}               | username
            {"username":"zhujian","role":"viewer"}                                                   | password
            {"username":"zhujian","password":"short","role":"viewer"}                                | password
            {"username":"zhujian","password":"长长长长长长长长长长长长长长长长长长长长长长长长长","role":"viewer"} | password
            {"username":"zhujian","password":"long-enough-password"}                                 | role
            {"username":"zhujian","password":"long-enough-password","role":"boss"}                   | role
            {"username":"zhujian","password":"long-enough-password","role":"unit"}                   | unitId
            {"username":"zhujian","password":"long-enough-password","role":"viewer","unitId":"县住建局"} | unitId
            [1]                                                                                      | body""")
    void shouldRefuseNamingTheField(String json, String field) throws IOException {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> read(json));

        assertThat(refused).as(json).isNotNull();
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly(field);
        assertThat(refused.getMessage()).doesNotContain("short", "长长长", "long-enough-password");
    }
}
