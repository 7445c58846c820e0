package org.broadsheet.mail.web;

import java.net.InetAddress;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.mail.DevMailbox;
import org.broadsheet.mail.DevMailbox.SentMail;
import org.broadsheet.mail.Mailer;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.Datelines.Dateline;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.SiteAddress;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The developer mailbox: the mails the site would have sent while no mail server is configured, so that the
 * demo's verification and reset links can be followed offline. It holds everyone's reset links, so it is shown
 * only to a browser on the machine the site runs on (a request from the loopback address that no proxy passed
 * on) and to administrators; anyone else gets the 404 page. Never in production, and 404 once SMTP is set up.
 */
@Controller
@Profile("!prod")
class DevMailboxController {

    static final String VIEW = "dev/mails";
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

    private final Mailer mailer;
    private final SiteAddress address;
    private final Datelines datelines;

    DevMailboxController(Mailer mailer, SiteAddress address, Datelines datelines) {
        this.mailer = mailer;
        this.address = address;
        this.datelines = datelines;
    }

    @GetMapping("/dev/mails")
    String mails(Model model, HttpServletRequest request, HttpServletResponse response) {
        if (!(mailer instanceof DevMailbox mailbox)) {
            throw new NotFoundException("developer mailbox (mail goes through SMTP)");
        }
        if (!fromThisMachine(request) && !request.isUserInRole("ADMIN")) {
            throw new NotFoundException("developer mailbox (not from this machine)");
        }
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        model.addAttribute("mails", mailbox.recent().stream().map(this::entry).toList());
        return VIEW;
    }

    private MailEntry entry(SentMail mail) {
        // Whole seconds: a datetime attribute allows at most three digits of fraction.
        Dateline sent = datelines.of(mail.sentAt().truncatedTo(ChronoUnit.SECONDS));
        return new MailEntry(mail.to(), mail.subject(), sent, mail.text(), links(mail.text()));
    }

    /** The links in a mail; this site's own become paths, so that they work whatever host and port it runs on. */
    private List<String> links(String text) {
        Matcher matcher = LINK.matcher(text == null ? "" : text);
        return matcher.results().map(result -> {
            String link = result.group();
            for (String base : List.of(address.baseUrl(), address.baseUrlOutsideRequests())) {
                if (link.startsWith(base + "/")) {
                    return link.substring(base.length());
                }
            }
            return link;
        }).distinct().toList();
    }

    /**
     * Whether the browser runs on this machine: the loopback address, and no proxy headers, since a proxy on the
     * same machine passes everyone's requests on from there.
     */
    static boolean fromThisMachine(HttpServletRequest request) {
        if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null
                || request.getHeader("X-Real-IP") != null) {
            return false;
        }
        String address = request.getRemoteAddr();
        // Only an address literal is looked at: anything else would be a name to look up.
        if (address == null || !address.matches("[0-9a-fA-F.:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** One mail as the page shows it. */
    record MailEntry(String to, String subject, Dateline sent, String text, List<String> links) {
    }
}
