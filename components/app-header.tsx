interface Props {
  model: string;
  usingEmulator: boolean;
}

export function AppHeader({ model, usingEmulator }: Props) {
  return (
    <header className="app-header">
      <h1>Reactor starter</h1>
      <p className="model">
        Model <code>{model}</code>
        {usingEmulator && <span className="badge">Local emulator</span>}
      </p>
    </header>
  );
}
