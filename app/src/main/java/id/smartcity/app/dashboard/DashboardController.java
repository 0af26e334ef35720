package id.smartcity.app.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;

/** The dashboard's two server-side needs: a home that leads to it, and who the signed-in user is. */
@Controller
class DashboardController {

    /** Who is signed in and with which roles, so the dashboard shows only the panels the roles may use. */
    record Me(String user, List<String> roles) {
    }

    @GetMapping("/")
    String home() {
        return "redirect:/dashboard/";
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    String dashboard() {
        return "forward:/dashboard/index.html";
    }

    @GetMapping("/api/me")
    @ResponseBody
    @Operation(summary = "The signed-in user and roles")
    Me me(Authentication authentication) {
        return new Me(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).map(role -> role.replaceFirst("^ROLE_", "")).sorted().toList());
    }
}
