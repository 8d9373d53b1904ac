import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { SetupRequired } from "@/components/setup-required";

const issues = [
  { variable: "REACTOR_API_KEY", message: "REACTOR_API_KEY is missing." },
  {
    variable: "REACTOR_MODEL",
    message: "REACTOR_MODEL must look like owner/name.",
  },
];

describe("SetupRequired", () => {
  it("lists every problem", () => {
    render(<SetupRequired issues={issues} development={false} />);
    const list = screen.getAllByRole("list")[0]!;
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    expect(list).toHaveTextContent("REACTOR_API_KEY is missing.");
    expect(list).toHaveTextContent("REACTOR_MODEL must look like owner/name.");
  });

  it("lists two issues of one variable (two bad origins) without a key clash", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <SetupRequired
        issues={[
          { variable: "REACTOR_ALLOWED_ORIGINS", message: "entry 1 is bad" },
          { variable: "REACTOR_ALLOWED_ORIGINS", message: "entry 2 is bad" },
        ]}
        development={false}
      />,
    );
    const list = screen.getAllByRole("list")[0]!;
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it("tells where the key goes and to restart, using the README's env file", () => {
    render(<SetupRequired issues={issues} development={false} />);
    expect(
      screen.getByRole("heading", { name: "Setup required" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "reactor.inc" })).toHaveAttribute(
      "href",
      "https://reactor.inc",
    );
    expect(screen.getByText(".env.local")).toBeInTheDocument();
    expect(screen.getByText(/Restart the server/)).toBeInTheDocument();
  });

  it("mentions the keyless emulator only in development", () => {
    const { rerender } = render(<SetupRequired issues={issues} development />);
    expect(screen.getByText(/local emulator/)).toBeInTheDocument();
    rerender(<SetupRequired issues={issues} development={false} />);
    expect(screen.queryByText(/local emulator/)).not.toBeInTheDocument();
  });
});
