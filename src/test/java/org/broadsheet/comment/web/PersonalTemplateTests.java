package org.broadsheet.comment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * One reader's view made from the signed-in rendering of a conversation: placeholders filled, conditions kept
 * or dropped (nested ones too), other comments left alone.
 */
class PersonalTemplateTests {

    private static final String CSRF = "<input type=\"hidden\" name=\"_csrf\" value=\"t0ken\"/>";

    private static PersonalTemplate.Reader reader(Set<Long> own, Set<Long> editable, Set<Long> recommended,
            Set<Long> ignored) {
        return new PersonalTemplate.Reader(CSRF, "k-1", "I'd say <b>no</b> & \"yes\"", own, editable, recommended,
                ignored);
    }

    @Test
    void shouldFillTheFormTokenTheBoxKeyAndTheEscapedWaitingText() {
        String html = PersonalTemplate.apply(
                "<form><!--csrf--><!--box-key--><textarea><!--box-text--></textarea></form><form><!--csrf--></form>",
                reader(Set.of(), Set.of(), Set.of(), Set.of()));

        assertThat(html).isEqualTo("<form>" + CSRF + "<input type=\"hidden\" name=\"key\" value=\"k-1\">"
                + "<textarea>I&#39;d say &lt;b&gt;no&lt;/b&gt; &amp; &quot;yes&quot;</textarea></form><form>" + CSRF
                + "</form>");
    }

    @Test
    void shouldKeepWhatHoldsForTheReaderAndDropTheRest() {
        String template = "[<!--?own:7-->mine<!--/?--><!--?!own:7-->theirs<!--/?-->]"
                + "[<!--?rec:7-->pressed<!--/?--><!--?!rec:7-->not pressed<!--/?-->]"
                + "[<!--?ign:3-->hidden<!--/?-->shown]";

        assertThat(PersonalTemplate.apply(template, reader(Set.of(7L), Set.of(), Set.of(), Set.of())))
                .isEqualTo("[mine][not pressed][shown]");
        assertThat(PersonalTemplate.apply(template, reader(Set.of(), Set.of(), Set.of(7L), Set.of(3L))))
                .isEqualTo("[theirs][pressed][hiddenshown]");
    }

    @Test
    void shouldDropNestedConditionsWithTheConditionAroundThem() {
        String template = "<!--?own:5--><!--?edit:5-->edit<!--/?-->delete<!--/?-->"
                + "<!--?!own:5--><!--?rec:5-->withdraw<!--/?--><!--?!rec:5-->recommend<!--/?-->report<!--/?-->.";

        assertThat(PersonalTemplate.apply(template, reader(Set.of(5L), Set.of(5L), Set.of(5L), Set.of())))
                .isEqualTo("editdelete.");
        assertThat(PersonalTemplate.apply(template, reader(Set.of(5L), Set.of(), Set.of(), Set.of())))
                .isEqualTo("delete.");
        assertThat(PersonalTemplate.apply(template, reader(Set.of(), Set.of(), Set.of(5L), Set.of())))
                .isEqualTo("withdrawreport.");
    }

    @Test
    void shouldLeaveOtherCommentsAndEscapedTextAlone() {
        String template = "<!--personal:comments article=1--><p>&lt;!--?own:1--&gt; typed by a reader</p>";

        assertThat(PersonalTemplate.apply(template, reader(Set.of(1L), Set.of(), Set.of(), Set.of())))
                .isEqualTo(template);
    }

    @Test
    void shouldRefuseATemplateWithAConditionLeftOpen() {
        assertThatThrownBy(() -> PersonalTemplate.apply("<!--?own:1-->never closed",
                reader(Set.of(), Set.of(), Set.of(), Set.of()))).isInstanceOf(IllegalArgumentException.class);
    }
}
